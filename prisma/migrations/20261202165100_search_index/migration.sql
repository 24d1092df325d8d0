-- Full-text search index (outside the Prisma model, declared in lib/search/index-tables.ts so the diff leaves it
-- alone). One row per public answer, rowid = Answer.id, kept current by the ingest (lib/search/index-answers.ts).
-- porter over unicode61: "hedges" finds "hedging", remove_diacritics 2: "café" finds "cafe".
-- prefix '2 3': typing "vol" is answered from a prefix index instead of a scan of every term.
-- facets: one token per category ("c12") and tag ("t7"), so filters and facet counts are index lookups.
CREATE VIRTUAL TABLE "AnswerSearch" USING fts5(
    title, tags, terms, summary, body, facets,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- Column weights for bm25(): title above tags and glossary terms, above summary, above body.
INSERT INTO "AnswerSearch" ("AnswerSearch", rank) VALUES ('rank', 'bm25(10.0, 6.0, 6.0, 3.0, 1.0, 0.0)');

-- Index the answers already stored (the same text the ingest writes: text nodes of the stored body).
INSERT INTO "AnswerSearch" (rowid, title, tags, terms, summary, body, facets)
SELECT a."id", a."title",
    COALESCE((SELECT group_concat(t."name", ' ') FROM "AnswerTag" x JOIN "Tag" t ON t."id" = x."tagId" WHERE x."answerId" = a."id"), ''),
    COALESCE((SELECT group_concat(g."term" || COALESCE((SELECT ' ' || group_concat(j.value, ' ') FROM json_each(g."aliases") j), ''), ' ')
        FROM "AnswerTerm" x JOIN "GlossaryTerm" g ON g."id" = x."termId" WHERE x."answerId" = a."id" AND g."unpublishedAt" IS NULL), ''),
    a."summary",
    COALESCE((SELECT group_concat(n.value, ' ') FROM json_tree(a."code") n WHERE n.key = 'value' AND n.type = 'text' AND n.fullkey NOT LIKE '%.properties.%'), ''),
    'c' || a."categoryId" || COALESCE((SELECT ' ' || group_concat('t' || x."tagId", ' ') FROM "AnswerTag" x WHERE x."answerId" = a."id"), '')
FROM "Answer" a
WHERE a."draft" = 0 AND a."unpublishedAt" IS NULL;
