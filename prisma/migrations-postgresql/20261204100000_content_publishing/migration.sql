-- DropIndex
DROP INDEX "ArticleRevision_articleId_sourceHash_key";

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "publishedRevision" INTEGER,
ADD COLUMN     "replacementSlug" TEXT,
ADD COLUMN     "reviewState" TEXT,
ADD COLUMN     "scheduledById" TEXT,
ADD COLUMN     "scheduledFor" TIMESTAMP(3);

-- AlterTable (number added without NOT NULL, filled, then made NOT NULL: the table may have rows)
ALTER TABLE "ArticleRevision" ADD COLUMN     "number" INTEGER,
ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'sync',
ADD COLUMN     "problems" TEXT,
ADD COLUMN     "title" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "variants" TEXT;

-- Existing revisions (all from content/ sync) numbered per article in the order they were made.
UPDATE "ArticleRevision" r SET "number" = n."number"
FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "articleId" ORDER BY "createdAt", "id") AS "number" FROM "ArticleRevision") n
WHERE r."id" = n."id";
ALTER TABLE "ArticleRevision" ALTER COLUMN "number" SET NOT NULL;

-- CreateTable
CREATE TABLE "PortalSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PortalSetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Article_reviewState_scheduledFor_idx" ON "Article"("reviewState", "scheduledFor");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleRevision_articleId_number_key" ON "ArticleRevision"("articleId", "number");

-- Published articles point at the revision readers have.
UPDATE "Article" SET
  "publishedRevision" = (SELECT MAX(r."number") FROM "ArticleRevision" r WHERE r."articleId" = "Article"."id" AND r."sourceHash" = "Article"."sourceHash"),
  "publishedAt" = "updatedAt"
WHERE "status" = 'published';
