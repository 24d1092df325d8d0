import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { answerBody, benchTerms, seededRandom, writeGlossary } from '@/bench/generate'
import { listContentFiles, loadSourceFile } from '@/lib/content/load'
import type { Db } from '@/lib/db'

/**
 * A content directory of `count` generated answers (answers/q-0001.mdx …, the same slugs for every seed; the seed
 * picks the bodies) plus the benchmark glossary. Short bodies by default: these tests are about writes, not compile.
 */
export function generatedContentDir(count: number, seed: number, { words = 150 } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-generated-'))
  const random = seededRandom(seed)
  const categories = ['VIX Hedging', 'Iron Condors', 'Market Indicators']
  mkdirSync(path.join(dir, 'answers'))
  for (let i = 1; i <= count; i++) {
    const front = [
      '---',
      `title: "Generated question number ${i}: what does it test?"`,
      `category: ${categories[i % categories.length]}`,
      `tags: [generated, seventh-${i % 7}, eleventh-${i % 11}]`,
      'author: VixShield Research Team',
      `publishedAt: 2026-0${1 + (i % 9)}-1${i % 10}`,
      '---',
      '',
    ].join('\n')
    writeFileSync(path.join(dir, 'answers', `q-${String(i).padStart(4, '0')}.mdx`), `${front}${answerBody(random, words, benchTerms)}\n`)
  }
  writeGlossary(dir, benchTerms)
  return dir
}

/** relPath → content hash of every answer file, as the ingest computes it. */
export async function answerHashesOnDisk(contentDir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>()
  for (const relPath of await listContentFiles(contentDir)) {
    const loaded = loadSourceFile(contentDir, relPath)
    if (!loaded.ok) throw new Error(`${relPath}: ${loaded.problems.map((p) => p.message).join('; ')}`)
    if (loaded.value.kind === 'answer') hashes.set(relPath, loaded.value.hash)
  }
  return hashes
}

/** sourcePath → content hash of every published answer row. */
export async function answerHashesStored(db: Db): Promise<Map<string, string>> {
  const rows = await db.answer.findMany({ where: { unpublishedAt: null }, select: { sourcePath: true, contentHash: true } })
  return new Map(rows.map((row) => [row.sourcePath, row.contentHash]))
}
