// The allow-list of components an MDX answer may use, and the attributes each accepts.
// Plain data (no React) so the ingest pipeline can import it outside Next.
export interface AttributeRule {
  required: boolean
  values?: readonly string[]
}

export const allowedComponents: Record<string, Record<string, AttributeRule>> = {
  Callout: { type: { required: true, values: ['info', 'tip', 'warning'] }, title: { required: false } },
  Insights: { title: { required: false } },
  Term: { slug: { required: true } },
}

/** What ingest renames explicit <Term> and auto-linked terms to in compiled code. */
export const glossaryTermComponent = 'GlossaryTerm'
