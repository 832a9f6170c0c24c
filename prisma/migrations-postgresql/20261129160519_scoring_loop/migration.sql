-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "level" TEXT NOT NULL DEFAULT 'beginner';

-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "level" TEXT NOT NULL DEFAULT 'beginner';

-- AlterTable
ALTER TABLE "ProductUsage" ADD COLUMN     "periodDays" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "SearchLog" ADD COLUMN     "clientEventId" TEXT;

-- CreateTable
CREATE TABLE "ScoringWork" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leasedBy" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoringWork_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserProductUsage" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "periodDays" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserProductUsage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScoringWork_key_key" ON "ScoringWork"("key");

-- CreateIndex
CREATE INDEX "ScoringWork_runAfter_idx" ON "ScoringWork"("runAfter");

-- CreateIndex
CREATE INDEX "UserProductUsage_accountId_day_idx" ON "UserProductUsage"("accountId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "UserProductUsage_userId_day_metric_key" ON "UserProductUsage"("userId", "day", "metric");

-- CreateIndex
CREATE UNIQUE INDEX "Account_externalId_key" ON "Account"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "SearchLog_clientEventId_key" ON "SearchLog"("clientEventId");

-- AddForeignKey
ALTER TABLE "UserProductUsage" ADD CONSTRAINT "UserProductUsage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserProductUsage" ADD CONSTRAINT "UserProductUsage_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
