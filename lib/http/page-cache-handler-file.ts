/** The page cache compiled to JavaScript, relative to the project directory (compile-page-cache-handler.ts). */
export const pageCacheHandlerFile = 'generated/page-cache-handler.mjs'
