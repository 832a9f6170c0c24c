-- AlterTable
ALTER TABLE "SearchLog" ADD COLUMN "clientEventId" TEXT;

-- CreateTable
CREATE TABLE "ScoringWork" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "runAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leasedBy" TEXT,
    "leaseExpiresAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UserProductUsage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "periodDays" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UserProductUsage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UserProductUsage_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "audience" TEXT NOT NULL,
    "productArea" TEXT NOT NULL,
    "contentUpdatedAt" DATETIME NOT NULL,
    "related" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'published',
    "sourceHash" TEXT NOT NULL,
    "sourcePath" TEXT,
    "readingMinutes" INTEGER NOT NULL DEFAULT 1,
    "level" TEXT NOT NULL DEFAULT 'beginner',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Article" ("audience", "category", "contentUpdatedAt", "createdAt", "id", "productArea", "readingMinutes", "related", "slug", "sourceHash", "sourcePath", "status", "summary", "tags", "title", "updatedAt") SELECT "audience", "category", "contentUpdatedAt", "createdAt", "id", "productArea", "readingMinutes", "related", "slug", "sourceHash", "sourcePath", "status", "summary", "tags", "title", "updatedAt" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE INDEX "Article_status_category_idx" ON "Article"("status", "category");
CREATE INDEX "Article_status_contentUpdatedAt_idx" ON "Article"("status", "contentUpdatedAt");
CREATE TABLE "new_Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "emailDomain" TEXT NOT NULL,
    "tier" INTEGER NOT NULL,
    "computedTier" INTEGER NOT NULL,
    "tierOverride" INTEGER,
    "tierOverrideReason" TEXT,
    "arr" INTEGER NOT NULL,
    "costToServe" INTEGER NOT NULL,
    "nps" INTEGER,
    "csat" REAL,
    "expansionPotential" INTEGER NOT NULL DEFAULT 0,
    "strategic" BOOLEAN NOT NULL DEFAULT false,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "externalId" TEXT,
    "csmId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Account_csmId_fkey" FOREIGN KEY ("csmId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Account" ("arr", "computedTier", "costToServe", "createdAt", "csat", "csmId", "emailDomain", "expansionPotential", "id", "name", "nps", "strategic", "tier", "tierOverride", "tierOverrideReason", "updatedAt") SELECT "arr", "computedTier", "costToServe", "createdAt", "csat", "csmId", "emailDomain", "expansionPotential", "id", "name", "nps", "strategic", "tier", "tierOverride", "tierOverrideReason", "updatedAt" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE UNIQUE INDEX "Account_emailDomain_key" ON "Account"("emailDomain");
CREATE UNIQUE INDEX "Account_externalId_key" ON "Account"("externalId");
CREATE INDEX "Account_csmId_idx" ON "Account"("csmId");
CREATE INDEX "Account_tier_idx" ON "Account"("tier");
CREATE TABLE "new_ProductUsage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "periodDays" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProductUsage_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProductUsage" ("accountId", "createdAt", "day", "id", "metric", "updatedAt", "value") SELECT "accountId", "createdAt", "day", "id", "metric", "updatedAt", "value" FROM "ProductUsage";
DROP TABLE "ProductUsage";
ALTER TABLE "new_ProductUsage" RENAME TO "ProductUsage";
CREATE UNIQUE INDEX "ProductUsage_accountId_day_metric_key" ON "ProductUsage"("accountId", "day", "metric");
CREATE TABLE "new_Lesson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pathId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "estimatedMinutes" INTEGER NOT NULL,
    "level" TEXT NOT NULL DEFAULT 'beginner',
    "sourceHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Lesson_pathId_fkey" FOREIGN KEY ("pathId") REFERENCES "Path" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Lesson" ("createdAt", "estimatedMinutes", "id", "pathId", "slug", "sourceHash", "summary", "title", "updatedAt") SELECT "createdAt", "estimatedMinutes", "id", "pathId", "slug", "sourceHash", "summary", "title", "updatedAt" FROM "Lesson";
DROP TABLE "Lesson";
ALTER TABLE "new_Lesson" RENAME TO "Lesson";
CREATE UNIQUE INDEX "Lesson_pathId_slug_key" ON "Lesson"("pathId", "slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ScoringWork_key_key" ON "ScoringWork"("key");

-- CreateIndex
CREATE INDEX "ScoringWork_runAfter_idx" ON "ScoringWork"("runAfter");

-- CreateIndex
CREATE INDEX "UserProductUsage_accountId_day_idx" ON "UserProductUsage"("accountId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "UserProductUsage_userId_day_metric_key" ON "UserProductUsage"("userId", "day", "metric");

-- CreateIndex
CREATE UNIQUE INDEX "SearchLog_clientEventId_key" ON "SearchLog"("clientEventId");
