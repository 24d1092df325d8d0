/** A source an answer draws on, read from front matter `basedOn` ("SPX Mastery by Russell Clark"). */
export interface BasedOnSource {
  title: string
  authors: { kind: 'person' | 'organization'; name: string }[]
}

// Lower-case words that may stand inside a personal name ("Ludwig van Beethoven", "Marcos de la Cruz").
const nameParticles = new Set(['da', 'de', 'del', 'della', 'der', 'di', 'du', 'la', 'le', 'van', 'von', 'y', 'bin', 'al'])
const organizationWord =
  /\b(?:Team|Press|Inc|LLC|Ltd|Group|Institute|University|Research|Association|Society|Foundation|Exchange|Board|Company|Co|Corporation|Corp|Bank|Council|Committee|Department|Agency|Academy|Publishing|Publishers|Media)\b\.?/

const looksLikeName = (text: string) =>
  text.split(/\s+/).every((word) => /^\p{Lu}/u.test(word) || nameParticles.has(word) || /^\p{Lu}\.(\p{Lu}\.)*$/u.test(word))

/**
 * Splits "<title> by <author(s)>" at the last " by " whose right-hand side reads as names (every word capitalised,
 * name particles allowed), so "Trading by the Book" stays a title. Several people: "A and B", "A, B and C", "A & B".
 * An author with an organisation word (Team, Press, Institute…) is one organisation, never split.
 */
export function parseBasedOn(text: string): BasedOnSource {
  const trimmed = text.trim()
  const at = trimmed.lastIndexOf(' by ')
  const title = at > 0 ? trimmed.slice(0, at).trim() : ''
  const credit = at > 0 ? trimmed.slice(at + 4).trim() : ''
  if (!title || !credit) return { title: trimmed, authors: [] }
  if (organizationWord.test(credit)) {
    const named = looksLikeName(credit.replace(/&/g, 'And'))
    return named ? { title, authors: [{ kind: 'organization', name: credit }] } : { title: trimmed, authors: [] }
  }
  const names = credit.split(/\s*(?:,\s*and\s+|,|\s+and\s+|\s*&\s*)\s*/).filter(Boolean)
  if (names.length === 0 || !names.every(looksLikeName)) return { title: trimmed, authors: [] }
  return { title, authors: names.map((name) => ({ kind: 'person', name })) }
}
