// Raw peer for an unchanged re-ingest, run as its own process by bench/cli.ts: list every .mdx file, hash it and
// compare with the hashes a previous run saved (a JSON manifest); nothing is parsed. The first run writes the
// manifest; later runs only report how many files are unchanged.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const [dir, manifestPath] = process.argv.slice(2)
if (!dir || !manifestPath) throw new Error('usage: raw-unchanged.mjs <content dir> <manifest.json>')
const previous = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {}
const current = {}
let unchanged = 0
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.mdx')) continue
  const file = path.relative(dir, path.join(entry.parentPath, entry.name))
  const hash = createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex')
  current[file] = hash
  if (previous[file] === hash) unchanged++
}
if (unchanged !== Object.keys(current).length) writeFileSync(manifestPath, JSON.stringify(current))
console.log(`${unchanged} of ${Object.keys(current).length} files unchanged`)
