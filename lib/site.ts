import { env } from '@/lib/env'

// Branding and editorial constants in one place, so another publisher can reuse the app by editing this file.
export const site = {
  name: 'Ask VixShield',
  publisher: 'VixShield Research Team',
  tagline: "Plain-spoken answers to traders' questions about options, volatility and hedging.",
  description:
    'An educational knowledge base of answers about VIX hedging, iron condors, volatility products and market indicators.',
  url: env.SITE_URL,
  locale: 'en-US',
  disclaimer:
    'Educational content only, not investment advice. Options and volatility products carry substantial risk and are not suitable for every investor; you can lose more than you expect, quickly. Figures and examples are illustrative. Consider your own circumstances and, where appropriate, a licensed professional before trading.',
  wordsPerMinute: 220,
} as const
