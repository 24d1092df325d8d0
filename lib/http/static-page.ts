import { site } from '@/lib/site'
import { documentPolicy, hashInlineElements } from './content-security-policy'

// The pages answered outside the router (a malformed URL, a database that is down): the site's layout and its
// build-hashed CSS are not at hand there, so each is one small document with its own inline style.
const style =
  'body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#0f172a;background:#fff}main{max-width:36rem;margin:4rem auto;padding:0 1rem;text-align:center}p.code{color:#0369a1;font-weight:600;letter-spacing:.05em;text-transform:uppercase;font-size:.875rem}a{color:#0369a1}@media (prefers-color-scheme:dark){body{color:#e2e8f0;background:#020617}a,p.code{color:#7dd3fc}}'

export interface StaticPageText {
  status: number
  title: string
  /** Plain text (no markup): what happened and what the reader can do. */
  explanation: string
}

/** The page and a policy that allows only its own inline style. */
export function staticPage(text: StaticPageText, options: { https: boolean }): { html: string; policy: string } {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><link rel="icon" href="/icon.svg" type="image/svg+xml"><title>${text.title} | ${site.name}</title><style>${style}</style></head><body><main><p class="code">${text.status}</p><h1>${text.title}</h1><p>${text.explanation}</p><p><a href="/">${site.name}: all answers</a></p></main></body></html>`
  return { html, policy: documentPolicy(hashInlineElements(html), options) }
}
