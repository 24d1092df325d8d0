// No imports: client components (the header's search box) use these, and lib/site.ts would bring the env
// parser (zod) into every page's JavaScript.

/** Where each kind of page lives, so builders of links and of metadata agree. */
export const paths = {
  home: '/',
  answer: (slug: string) => `/ask/${slug}`,
  answerImage: (slug: string) => `/ask/${slug}/og.png`,
  category: (slug: string) => `/category/${slug}`,
  tags: '/tags',
  tag: (slug: string) => `/tags/${slug}`,
  glossary: '/glossary',
  search: '/search',
  term: (slug: string) => `/glossary/${slug}`,
  defaultImage: '/og.png',
  feed: '/feed.xml',
  sitemap: '/sitemap.xml',
} as const
