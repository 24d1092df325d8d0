import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { benchTerms, writeAnswers, writeGlossary } from '@/bench/generate'
import { listContentFiles, loadSourceFile } from '@/lib/content/load'
import type { Db } from '@/lib/db'

/** A content directory of `count` generated ~700-word answers plus the benchmark glossary. */
export function generatedContentDir(count: number, seed: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ask-kb-generated-'))
  writeAnswers(dir, count, seed)
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
