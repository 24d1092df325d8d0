import type { IngestCounts } from '@/lib/content/ingest-counts'

/**
 * The two summary lines an ingest or check prints. Its own module, free of the pipeline's imports, so the CLI
 * can print it for unchanged content without loading the MDX toolchain or Prisma.
 */
export function formatSummary(report: { answers: IngestCounts; glossary: IngestCounts; durationMs: number; compileThreads?: number }): string {
  const { answers: a, glossary: g } = report
  const relinked = a.relinked > 0 ? `, ${a.relinked} re-linked` : ''
  const threads = (report.compileThreads ?? 1) > 1 ? ` on ${report.compileThreads} threads` : ''
  return [
    `${a.total} answers: ${a.new} new, ${a.changed} changed${relinked}, ${a.unchanged} unchanged, ${a.unpublished} unpublished (${(report.durationMs / 1000).toFixed(1)} s${threads})`,
    `${g.total} glossary terms: ${g.new} new, ${g.changed} changed, ${g.unchanged} unchanged, ${g.unpublished} removed`,
  ].join('\n')
}
