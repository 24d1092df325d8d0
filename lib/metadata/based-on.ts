/** A source an answer draws on, read from front matter `basedOn` ("SPX Mastery by Russell Clark"). */
export interface BasedOnSource {
  title: string
  authors: { kind: 'person' | 'organization'; name: string }[]
}

// Lower-case words that may stand inside a personal name ("Ludwig van Beethoven", "Marcos de la Cruz").
const nameParticles = new Set(['da', 'de', 'del', 'della', 'der', 'di', 'du', 'la', 'le', 'van', 'von', 'y', 'bin', 'al'])
const organizationWord =
  /\b(?:Team|Press|Inc|LLC|Ltd|Group|Institute|University|Research|Association|Society|Foundation|Exchange|Board|Company|Co|Corporation|Corp|Bank|Council|Committee|Department|Agency|Academy|Publishing|Publishers|Media)\b\.?/

// Lower-case words an organisation's name may hold ("Institute of Finance", "Research and Development Team").
const organizationLinks = new Set(['and', 'of', 'for', 'the', '&'])

const looksLikeName = (text: string, allowed: Set<string> = nameParticles) =>
  text.split(/\s+/).every((word) => /^\p{Lu}/u.test(word) || allowed.has(word))

/**
 * Splits "<title> by <author(s)>" at the last " by ". What follows must read as names (every word capitalised,
 * name particles allowed), otherwise the whole text is the title: "Trading Options by the Book" has no author.
 * Several people: "A and B", "A, B and C", "A & B". An author with an organisation word (Team, Press, Institute…)
 * is one organisation, never split.
 */
export function parseBasedOn(text: string): BasedOnSource {
  const trimmed = text.trim()
  const at = trimmed.lastIndexOf(' by ')
  const title = at > 0 ? trimmed.slice(0, at).trim() : ''
  const credit = at > 0 ? trimmed.slice(at + 4).trim() : ''
  if (!title || !credit) return { title: trimmed, authors: [] }
  if (organizationWord.test(credit)) {
    const named = looksLikeName(credit, organizationLinks) && /^\p{Lu}/u.test(credit)
    return named ? { title, authors: [{ kind: 'organization', name: credit }] } : { title: trimmed, authors: [] }
  }
  const names = credit.split(/\s*(?:,\s*and\s+|,|\s+and\s+|\s*&\s*)\s*/).filter(Boolean)
  if (names.length === 0 || !names.every((name) => looksLikeName(name))) return { title: trimmed, authors: [] }
  return { title, authors: names.map((name) => ({ kind: 'person', name })) }
}
