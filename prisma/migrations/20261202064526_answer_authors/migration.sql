-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Answer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "sourcePath" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "author" TEXT NOT NULL,
    "authors" TEXT NOT NULL,
    "basedOn" TEXT,
    "publishedAt" DATETIME NOT NULL,
    "revisedAt" DATETIME,
    "summary" TEXT NOT NULL,
    "draft" BOOLEAN NOT NULL DEFAULT false,
    "unpublishedAt" DATETIME,
    "code" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "readingMinutes" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "glossaryVersion" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "ingestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Answer_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Existing answers were all written with `author:` (a group name), which is what their authors list says.
INSERT INTO "new_Answer" ("author", "authors", "basedOn", "categoryId", "code", "contentHash", "draft", "glossaryVersion", "id", "ingestedAt", "publishedAt", "readingMinutes", "revisedAt", "slug", "sourcePath", "summary", "title", "unpublishedAt", "views", "wordCount") SELECT "author", json_array(json_object('kind', 'group', 'name', "author")), "basedOn", "categoryId", "code", "contentHash", "draft", "glossaryVersion", "id", "ingestedAt", "publishedAt", "readingMinutes", "revisedAt", "slug", "sourcePath", "summary", "title", "unpublishedAt", "views", "wordCount" FROM "Answer";
DROP TABLE "Answer";
ALTER TABLE "new_Answer" RENAME TO "Answer";
CREATE UNIQUE INDEX "Answer_slug_key" ON "Answer"("slug");
CREATE INDEX "Answer_sourcePath_idx" ON "Answer"("sourcePath");
CREATE INDEX "Answer_categoryId_idx" ON "Answer"("categoryId");
CREATE INDEX "Answer_publishedAt_idx" ON "Answer"("publishedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
