import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { isUtf8 } from 'node:buffer'
import type { Problem } from '@/lib/content/problem'

/**
 * 256 KB is 50 times the longest answer (about 40,000 words). Markdown parsing grows faster than the input: one
 * 1 MB paragraph took 6.5 s to parse here, 256 KB well under a second, so the limit also bounds an ingest's time.
 */
export const maxFileBytes = 256 * 1024
export const glossaryDirName = 'glossary'

export interface SourceFile {
  /** Path shown to editors, relative to the working directory (e.g. content/answers/x.mdx). */
  file: string
  /** Path relative to the content directory; the stable identity of the file in the store. */
  relPath: string
  kind: 'answer' | 'glossary'
  format: 'mdx' | 'md'
  source: string
  hash: string
}

/** Bumped when validation or compile rules change, so unchanged files are re-checked once. */
export const pipelineVersion = 'ask-kb-ingest-2'

export async function listContentFiles(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && /\.(mdx|md)$/.test(entry.name))
    .map((entry) => path.relative(contentDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((relPath) => !relPath.split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
    .filter((relPath) => !/^readme\.mdx?$/i.test(relPath))
    .sort()
}

/**
 * Reads one file. Synchronous on purpose: reading a thousand small files one after another measured 2-3x less CPU
 * than a thousand concurrent promise reads (each of which is an open, stat, read and close on the thread pool).
 */
export function loadSourceFile(contentDir: string, relPath: string): { ok: true; value: SourceFile } | { ok: false; problems: Problem[] } {
  const absolute = path.join(contentDir, relPath)
  const file = displayPath(absolute)
  const size = statSync(absolute).size
  if (size > maxFileBytes) {
    return { ok: false, problems: [{ file, line: 1, column: 1, message: `file is ${Math.ceil(size / 1024)} KB; the limit is ${maxFileBytes / 1024} KB` }] }
  }
  const bytes = readFileSync(absolute)
  if (!isUtf8(bytes)) {
    const { line, column } = firstInvalidUtf8(bytes)
    return { ok: false, problems: [{ file, line, column, message: 'invalid UTF-8: save the file with UTF-8 encoding' }] }
  }
  const source = bytes.toString('utf8')
  return {
    ok: true,
    value: {
      file,
      relPath,
      kind: relPath.split('/')[0] === glossaryDirName ? 'glossary' : 'answer',
      format: relPath.endsWith('.md') ? 'md' : 'mdx',
      source,
      hash: createHash('sha256').update(pipelineVersion).update(bytes).digest('hex'),
    },
  }
}

export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute)
  return (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/')
}

/** Line and column (in characters) of the first byte that is not part of a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): { line: number; column: number } {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
    if (length === 0 || i + length > bytes.length || !isUtf8(bytes.subarray(i, i + length))) break
    i += length
  }
  const lines = bytes.subarray(0, i).toString('utf8').split('\n')
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }
}
