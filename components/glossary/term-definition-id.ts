/**
 * The id of a term's definition in the "Glossary terms referenced" list. Each definition is sent once, there; the
 * term's links in the body point at it with aria-describedby, and their popovers show its text.
 */
export const termDefinitionId = (slug: string) => `term-def-${slug}`
