-- CreateTable
CREATE TABLE "Category" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "sourcePath" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "author" TEXT NOT NULL,
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
    "termKey" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "ingestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Answer_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnswerTag" (
    "answerId" INTEGER NOT NULL,
    "tagId" INTEGER NOT NULL,

    PRIMARY KEY ("answerId", "tagId"),
    CONSTRAINT "AnswerTag_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AnswerTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GlossaryTerm" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "sourcePath" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "aliases" TEXT NOT NULL,
    "short" TEXT NOT NULL,
    "related" TEXT NOT NULL,
    "category" TEXT,
    "code" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "unpublishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "AnswerTerm" (
    "answerId" INTEGER NOT NULL,
    "termId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("answerId", "termId"),
    CONSTRAINT "AnswerTerm_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AnswerTerm_termId_fkey" FOREIGN KEY ("termId") REFERENCES "GlossaryTerm" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Category_slug_key" ON "Category"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Tag_slug_key" ON "Tag"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_slug_key" ON "Answer"("slug");

-- CreateIndex
CREATE INDEX "Answer_sourcePath_idx" ON "Answer"("sourcePath");

-- CreateIndex
CREATE INDEX "Answer_categoryId_idx" ON "Answer"("categoryId");

-- CreateIndex
CREATE INDEX "Answer_publishedAt_idx" ON "Answer"("publishedAt");

-- CreateIndex
CREATE INDEX "AnswerTag_tagId_idx" ON "AnswerTag"("tagId");

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryTerm_slug_key" ON "GlossaryTerm"("slug");

-- CreateIndex
CREATE INDEX "GlossaryTerm_sourcePath_idx" ON "GlossaryTerm"("sourcePath");

-- CreateIndex
CREATE INDEX "AnswerTerm_termId_idx" ON "AnswerTerm"("termId");
