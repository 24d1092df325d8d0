import { site } from '@/lib/site'
import { documentPolicy, hashInlineElements } from './content-security-policy'

// A static page: the request never reaches the router, so the site's layout (and its build-hashed CSS) is not at hand.
const style =
  'body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#0f172a;background:#fff}main{max-width:36rem;margin:4rem auto;padding:0 1rem;text-align:center}p.code{color:#0369a1;font-weight:600;letter-spacing:.05em;text-transform:uppercase;font-size:.875rem}a{color:#0369a1}@media (prefers-color-scheme:dark){body{color:#e2e8f0;background:#020617}a,p.code{color:#7dd3fc}}'

const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Bad request | ${site.name}</title><style>${style}</style></head><body><main><p class="code">400</p><h1>Bad request</h1><p>This address is not valid: part of it is wrongly percent-encoded. Check the link, or start again from the home page.</p><p><a href="/">${site.name}: all answers</a></p></main></body></html>`

/** The 400 page for a malformed URL, with a policy that allows only its own inline style. */
export function badRequestPage(options: { https: boolean }): { html: string; policy: string } {
  return { html, policy: documentPolicy(hashInlineElements(html), options) }
}
