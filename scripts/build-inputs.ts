// What a production build depends on besides the database: `npm start` and the benchmarks rebuild when it changes.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const buildInputs = ['app', 'components', 'lib', 'public', 'next.config.ts', 'proxy.ts', 'instrumentation.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json', 'prisma/schema.prisma', 'generated/fonts']

export function hashBuildInputs(): string {
  const hash = createHash('sha256')
  const visit = (entry: string) => {
    if (!existsSync(entry)) return
    if (statSync(entry).isDirectory()) {
      for (const name of readdirSync(entry).sort()) visit(path.join(entry, name))
    } else {
      hash.update(entry).update(readFileSync(entry))
    }
  }
  buildInputs.forEach(visit)
  return hash.digest('hex')
}
