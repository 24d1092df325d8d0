// Generates the Prisma clients offline: Prisma's CLI insists on a schema-engine binary path even though
// `generate` never runs it, so we point it at node (see README, "Offline Prisma"). Two clients from the one
// schema: SQLite (generated/prisma) and PostgreSQL (generated/prisma-postgresql, from a derived schema file).
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { deriveSchema, derivedSchemaPath } from '../lib/migrate/schema-variant.mjs'

if (!existsSync('prisma/schema.prisma')) process.exit(0)
mkdirSync(path.dirname(derivedSchemaPath), { recursive: true })
writeFileSync(derivedSchemaPath, deriveSchema(readFileSync('prisma/schema.prisma', 'utf8'), 'postgresql'))
for (const schema of ['prisma/schema.prisma', derivedSchemaPath]) {
  execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', schema], {
    stdio: 'inherit',
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  })
}
