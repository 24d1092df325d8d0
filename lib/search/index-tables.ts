// The search index lives outside Prisma's model (an FTS5 virtual table on SQLite, a tsvector table on PostgreSQL,
// both written by hand in the migrations). Declared here so the migration diff (lib/migrate) leaves them alone
// and the migration-chain test compares them on purpose instead of as Prisma tables.

/** The index table's name on both databases (rowid / "answerId" = Answer.id). */
export const searchTable = 'AnswerSearch'

/** The shadow tables SQLite's FTS5 creates beside the virtual table (its storage). */
export const sqliteSearchShadowTables = ['data', 'idx', 'content', 'docsize', 'config'].map((suffix) => `${searchTable}_${suffix}`)

/** Every table the schema engine must treat as external (neither created nor dropped by a diff). */
export const searchIndexTables = [searchTable, ...sqliteSearchShadowTables]

/** The indexed columns of the SQLite table, in bm25() weight order. */
export const sqliteSearchColumns = ['title', 'tags', 'terms', 'summary', 'body', 'facets'] as const
