-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CsmTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "assignedById" TEXT,
    "kind" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "openCause" TEXT,
    "title" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "completedAt" DATETIME,
    "completedById" TEXT,
    "outcome" TEXT,
    "outcomeNote" TEXT,
    "snoozedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CsmTask_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CsmTask_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CsmTask_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CsmTask_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CsmTask" ("accountId", "assigneeId", "cause", "completedAt", "completedById", "createdAt", "evidence", "id", "kind", "openCause", "outcome", "outcomeNote", "snoozedUntil", "status", "title", "updatedAt") SELECT "accountId", "assigneeId", "cause", "completedAt", "completedById", "createdAt", "evidence", "id", "kind", "openCause", "outcome", "outcomeNote", "snoozedUntil", "status", "title", "updatedAt" FROM "CsmTask";
DROP TABLE "CsmTask";
ALTER TABLE "new_CsmTask" RENAME TO "CsmTask";
CREATE UNIQUE INDEX "CsmTask_openCause_key" ON "CsmTask"("openCause");
CREATE INDEX "CsmTask_assigneeId_status_idx" ON "CsmTask"("assigneeId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
