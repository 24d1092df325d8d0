-- CreateTable
CREATE TABLE "Category" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "sourcePath" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "author" TEXT NOT NULL,
    "authors" TEXT NOT NULL,
    "basedOn" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "revisedAt" TIMESTAMP(3),
    "reviewedBy" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "summary" TEXT NOT NULL,
    "draft" BOOLEAN NOT NULL DEFAULT false,
    "unpublishedAt" TIMESTAMP(3),
    "code" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "readingMinutes" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "glossaryVersion" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnswerTag" (
    "answerId" INTEGER NOT NULL,
    "tagId" INTEGER NOT NULL,

    CONSTRAINT "AnswerTag_pkey" PRIMARY KEY ("answerId","tagId")
);

-- CreateTable
CREATE TABLE "GlossaryTerm" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "sourcePath" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "aliases" TEXT NOT NULL,
    "short" TEXT NOT NULL,
    "related" TEXT NOT NULL,
    "category" TEXT,
    "code" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "unpublishedAt" TIMESTAMP(3),

    CONSTRAINT "GlossaryTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnswerTerm" (
    "answerId" INTEGER NOT NULL,
    "termId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AnswerTerm_pkey" PRIMARY KEY ("answerId","termId")
);

-- CreateTable
CREATE TABLE "ViewMark" (
    "hash" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "network" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ViewMark_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AppSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "AppSecret_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "IngestState" (
    "id" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IngestState_pkey" PRIMARY KEY ("id")
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

-- CreateIndex
CREATE INDEX "ViewMark_day_idx" ON "ViewMark"("day");

-- CreateIndex
CREATE INDEX "ViewMark_network_idx" ON "ViewMark"("network");

-- CreateIndex
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerTag" ADD CONSTRAINT "AnswerTag_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerTag" ADD CONSTRAINT "AnswerTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerTerm" ADD CONSTRAINT "AnswerTerm_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerTerm" ADD CONSTRAINT "AnswerTerm_termId_fkey" FOREIGN KEY ("termId") REFERENCES "GlossaryTerm"("id") ON DELETE CASCADE ON UPDATE CASCADE;
