import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'
import { describe, expect, it } from 'vitest'
import { ingestContent } from '@/lib/content/ingest'
import { countWords } from '@/lib/content/compile'

// The shipped content itself: valid, and meeting the editorial rules the site promises.
const answersDir = 'content/answers'
const answers = readdirSync(answersDir).map((name) => {
  const { data, content } = matter(readFileSync(path.join(answersDir, name), 'utf8'))
  return { name, data, body: content }
})

describe('shipped content', () => {
  it('passes the ingest checks with no problems', async () => {
    const report = await ingestContent({ contentDir: 'content', db: null, write: false })
    expect(report.problems).toEqual([])
    expect(report.answers.total).toBeGreaterThanOrEqual(12)
    expect(report.glossary.total).toBeGreaterThanOrEqual(60)
  })

  it('has 400–900-word answers by the research team, each with an Insights box, across 3+ categories', () => {
    for (const answer of answers) {
      const prose = answer.body.replace(/<\/?(Insights|Callout)[^>]*>/g, '')
      const words = countWords(prose)
      expect(words, answer.name).toBeGreaterThanOrEqual(400)
      expect(words, answer.name).toBeLessThanOrEqual(900)
      expect(answer.body.match(/<Insights>/g)?.length, answer.name).toBe(1)
      expect(answer.data.author, answer.name).toBe('VixShield Research Team')
    }
    expect(new Set(answers.map((a) => a.data.category)).size).toBeGreaterThanOrEqual(3)
  })

  it('contains every glossary term the issue requires', () => {
    const slugs = new Set(readdirSync('content/glossary').map((name) => name.replace(/\.mdx?$/, '')))
    const required = [
      'alvh', 'vix', 'vix-futures', 'vix-term-structure', 'contango', 'backwardation', 'spx', 'iron-condor', 'credit-spread', 'dte',
      'delta', 'gamma', 'theta', 'vega', 'temporal-theta', 'implied-volatility', 'vxx', 'uvxy', 'second-engine', 'time-shifting',
      'conversion-and-reversal', 'macd', 'advance-decline-line', 'rsi', 'cpi', 'ppi', 'fomc', 'wacc', 'false-binary',
      'steward-vs-promoter', 'irr', 'break-even-point', 'time-value', 'mev', 'hft', 'quick-ratio', 'reits', 'etfs', 'capm',
      'market-capitalization', 'ddm', 'real-effective-exchange-rate',
    ]
    expect(required.filter((slug) => !slugs.has(slug))).toEqual([])
  })
})
