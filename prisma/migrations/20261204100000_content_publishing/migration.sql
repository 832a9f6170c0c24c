-- AlterTable
ALTER TABLE "Article" ADD COLUMN "archivedAt" DATETIME;
ALTER TABLE "Article" ADD COLUMN "publishedAt" DATETIME;
ALTER TABLE "Article" ADD COLUMN "publishedRevision" INTEGER;
ALTER TABLE "Article" ADD COLUMN "replacementSlug" TEXT;
ALTER TABLE "Article" ADD COLUMN "reviewState" TEXT;
ALTER TABLE "Article" ADD COLUMN "scheduledById" TEXT;
ALTER TABLE "Article" ADD COLUMN "scheduledFor" DATETIME;

-- CreateTable
CREATE TABLE "PortalSetting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ArticleRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'sync',
    "title" TEXT NOT NULL DEFAULT '',
    "sourceHash" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "problems" TEXT,
    "variants" TEXT,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ArticleRevision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Existing revisions (all from content/ sync) numbered per article in the order they were made.
INSERT INTO "new_ArticleRevision" ("articleId", "authorId", "createdAt", "id", "source", "sourceHash", "updatedAt", "number", "origin")
SELECT "articleId", "authorId", "createdAt", "id", "source", "sourceHash", "updatedAt",
       ROW_NUMBER() OVER (PARTITION BY "articleId" ORDER BY "createdAt", "id"), 'sync'
FROM "ArticleRevision";
DROP TABLE "ArticleRevision";
ALTER TABLE "new_ArticleRevision" RENAME TO "ArticleRevision";
CREATE UNIQUE INDEX "ArticleRevision_articleId_number_key" ON "ArticleRevision"("articleId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Article_reviewState_scheduledFor_idx" ON "Article"("reviewState", "scheduledFor");

-- Published articles point at the revision readers have.
UPDATE "Article" SET
  "publishedRevision" = (SELECT MAX(r."number") FROM "ArticleRevision" r WHERE r."articleId" = "Article"."id" AND r."sourceHash" = "Article"."sourceHash"),
  "publishedAt" = "updatedAt"
WHERE "status" = 'published';
