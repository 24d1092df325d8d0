import { z } from 'zod'
import { plainLine } from '@/lib/schemas/fields'

/** A person, as citation styles need the name: family name, and given names when the person has them. */
const personEntry = z.strictObject({ family: plainLine('family', 1, 80), given: plainLine('given', 1, 80).optional() })
/** An organisation or team credited as a whole ("VixShield Research Team"). */
const groupEntry = z.strictObject({ name: plainLine('name', 2, 120) })

/** One entry of front matter `authors:` — `{ family, given }` for a person or `{ name }` for a group. */
export const authorEntrySchema = z.union([personEntry, groupEntry], {
  error: 'must be a person ({ family: Clark, given: Russell }) or a group ({ name: VixShield Research Team })',
})

export type Author = { kind: 'person'; family: string; given?: string } | { kind: 'group'; name: string }

export const toAuthor = (entry: z.infer<typeof authorEntrySchema>): Author =>
  'name' in entry ? { kind: 'group', name: entry.name } : { kind: 'person', family: entry.family, ...(entry.given ? { given: entry.given } : {}) }

/** The stored form (Answer.authors, JSON), checked again when read. */
export const storedAuthorsSchema = z
  .array(
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('person'), family: z.string().min(1), given: z.string().min(1).optional() }),
      z.strictObject({ kind: z.literal('group'), name: z.string().min(1) }),
    ]),
  )
  .min(1)

/** "Russell Clark", or the group's name. */
export const authorName = (author: Author) => (author.kind === 'group' ? author.name : [author.given, author.family].filter(Boolean).join(' '))

/** Names for a byline: "A", "A and B", "A, B and C". */
export function joinAuthorNames(authors: readonly Author[]): string {
  const names = authors.map(authorName)
  if (names.length <= 2) return names.join(' and ')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`
}
