-- AlterTable
ALTER TABLE "Answer" ADD COLUMN "reviewedAt" DATETIME;
ALTER TABLE "Answer" ADD COLUMN "reviewedBy" TEXT;
