-- Full-text search index (outside the Prisma model, declared in lib/search/index-tables.ts). One row per public
-- answer, kept current by the ingest (lib/search/index-answers.ts). "document" is weighted: A title,
-- B tags and glossary terms, C summary, D body, the texts are kept for ts_headline.
CREATE TABLE "AnswerSearch" (
    "answerId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "document" TSVECTOR NOT NULL,

    CONSTRAINT "AnswerSearch_pkey" PRIMARY KEY ("answerId"),
    CONSTRAINT "AnswerSearch_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "AnswerSearch_document_idx" ON "AnswerSearch" USING GIN ("document");

-- Index the answers already stored (the same text the ingest writes: text nodes of the stored body).
INSERT INTO "AnswerSearch" ("answerId", "title", "summary", "body", "document")
SELECT s."id", s."title", s."summary", s."body",
    setweight(to_tsvector('english', s."title"), 'A') || setweight(to_tsvector('english', s."tags" || ' ' || s."terms"), 'B') ||
    setweight(to_tsvector('english', s."summary"), 'C') || setweight(to_tsvector('english', s."body"), 'D')
FROM (
    SELECT a."id", a."title", a."summary",
        COALESCE((SELECT string_agg(t."name", ' ') FROM "AnswerTag" x JOIN "Tag" t ON t."id" = x."tagId" WHERE x."answerId" = a."id"), '') AS "tags",
        COALESCE((SELECT string_agg(g."term" || COALESCE((SELECT ' ' || string_agg(j, ' ') FROM jsonb_array_elements_text(g."aliases"::jsonb) j), ''), ' ')
            FROM "AnswerTerm" x JOIN "GlossaryTerm" g ON g."id" = x."termId" WHERE x."answerId" = a."id" AND g."unpublishedAt" IS NULL), '') AS "terms",
        COALESCE((SELECT string_agg(v #>> '{}', ' ') FROM jsonb_path_query(a."code"::jsonb, 'strict $.** ? (@.type == "text").value') v), '') AS "body"
    FROM "Answer" a
    WHERE a."draft" = false AND a."unpublishedAt" IS NULL
) s;
