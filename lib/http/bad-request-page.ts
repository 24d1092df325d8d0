import { staticPage } from './static-page'

/** The 400 page for a malformed URL, with a policy that allows only its own inline style. */
export function badRequestPage(options: { https: boolean }): { html: string; policy: string } {
  const explanation = 'This address is not valid: part of it is wrongly percent-encoded. Check the link, or start again from the home page.'
  return staticPage({ status: 400, title: 'Bad request', explanation }, options)
}
