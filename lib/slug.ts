/**
 * The site's one slug rule (it must reproduce the existing URLs): lower-case, strip accents, delete every
 * character that is not an ASCII letter, digit, space or hyphen, collapse runs of spaces/hyphens, trim hyphens.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/[ -]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
