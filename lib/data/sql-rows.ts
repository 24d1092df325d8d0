import 'server-only'
import { Prisma } from '@/generated/prisma/client'

// Small building blocks for the ingest's batched writes.

export type Tx = Prisma.TransactionClient

export function idOf(ids: ReadonlyMap<string, number>, slug: string): number {
  const id = ids.get(slug)
  if (id === undefined) throw new Error(`ingest: no id for "${slug}" (rows were written out of order)`)
  return id
}

export const chunk = <T,>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/** `(a, b), (c, d)` as one flat Prisma.Sql: a nested Prisma.sql per row cost more than inserting the row. */
export function valueRows(rows: readonly (readonly unknown[])[]): Prisma.Sql {
  const strings: string[] = []
  const values: unknown[] = []
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      strings.push(c > 0 ? ', ' : r > 0 ? '), (' : '(')
      values.push(value)
    })
  })
  strings.push(')')
  return new Prisma.Sql(strings, values)
}
