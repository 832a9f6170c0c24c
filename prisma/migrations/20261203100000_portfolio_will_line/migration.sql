-- CreateTable
CREATE TABLE "ScoringCalibration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "line" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "accounts" INTEGER NOT NULL,
    "naturalBreak" INTEGER,
    "computedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
