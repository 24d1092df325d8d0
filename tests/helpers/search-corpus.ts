import { answerSource, glossaryEntry, validFields } from '@/tests/helpers/content-dir'

// A small content folder whose answers each pin one search behaviour (ranking, stemming, phrases, aliases, facets).

const answer = (title: string, body: string, extra: Record<string, string> = {}) => answerSource({ ...validFields, title: `"${title}"`, ...extra }, body)

export const adLineGlossary = `---\nterm: "Advance-Decline Line (A/D Line)"\nslug: advance-decline-line\naliases: ["Advance-Decline Line", "A/D Line"]\nshort: "A running total of advancing minus declining stocks."\nrelated: []\n---\n\nBreadth.\n`

export const searchCorpus: Record<string, string> = {
  'glossary/advance-decline-line.mdx': adLineGlossary,
  'glossary/contango.mdx': glossaryEntry('Contango', [], []),
  'answers/condor-title.mdx': answer('Why trade an iron condor?', 'Selling both wings collects premium when the market stays calm.', { category: 'Iron Condors', tags: '[condors, income]' }),
  'answers/condor-body.mdx': answer('What moves option premiums?', 'Premium depends on time and volatility. A trader may also mention a condor once in passing.', { category: 'Volatility Products', tags: '[premium, income]' }),
  'answers/hedging.mdx': answer('How do portfolio managers protect gains?', 'Hedging with long puts costs carry but caps the loss in a crash.', { category: 'VIX Hedging', tags: '[puts]' }),
  'answers/roll-yield.mdx': answer('What is roll yield?', 'Roll yield is the return from rolling futures along a steep curve.', { category: 'Volatility Products', tags: '[futures]' }),
  'answers/roll-separate.mdx': answer('Why roll a position early?', 'Traders roll early to keep the yield of the spread while risk is small.', { category: 'Iron Condors', tags: '[futures]' }),
  'answers/breadth.mdx': answer('What warns before a broad market selloff?', 'Watch the advance-decline line: when it falls under a rising index, fewer stocks carry the rally.', { category: 'Market Indicators', tags: '[breadth]' }),
  'answers/hostile.mdx': answer('Can markup hide in an answer?', 'The text `<script>alert(1)</script>` and `<img src=x onerror=alert(2)>` are shown as code about volatility markup.', { category: 'Market Indicators', tags: '[breadth]' }),
  'answers/draft.mdx': answer('A draft about volatility skew', 'Unfinished volatility notes.', { draft: 'true', category: 'Market Indicators', tags: '[breadth]' }),
}
