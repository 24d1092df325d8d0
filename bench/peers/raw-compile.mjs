// Raw peer for a cold ingest, run as its own process by bench/cli.ts: what a minimal script doing the same core
// work costs. Reads every .mdx file, parses front matter (gray-matter), validates it (zod) and compiles the body
// with @mdx-js/mdx (function-body, remark-gfm). No glossary linking, no safety pass, no database.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { compile } from '@mdx-js/mdx'
import matter from 'gray-matter'
import remarkGfm from 'remark-gfm'
import { z } from 'zod'

const date = z.union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)])
const answer = z.object({
  title: z.string().min(10).max(200),
  category: z.string().min(1),
  tags: z.array(z.string().min(1)).min(1).max(12),
  author: z.string().min(1),
  publishedAt: date,
  slug: z.string().optional(),
  basedOn: z.string().optional(),
  updatedAt: date.optional(),
  summary: z.string().max(300).optional(),
  draft: z.boolean().optional(),
})
const glossary = z.object({
  term: z.string().min(1),
  slug: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  short: z.string().max(300),
  related: z.array(z.string()).optional(),
  category: z.string().optional(),
})

const dir = process.argv[2]
if (!dir) throw new Error('usage: raw-compile.mjs <content dir>')
let compiled = 0
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.mdx')) continue
  const file = path.join(entry.parentPath, entry.name)
  const { data, content } = matter(readFileSync(file, 'utf8'))
  const schema = path.basename(entry.parentPath) === 'glossary' ? glossary : answer
  schema.parse(data)
  await compile(content, { outputFormat: 'function-body', remarkPlugins: [remarkGfm] })
  compiled++
}
console.log(`${compiled} files compiled`)
