-- CreateTable
CREATE TABLE "ScoringCalibration" (
    "id" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "accounts" INTEGER NOT NULL,
    "naturalBreak" INTEGER,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoringCalibration_pkey" PRIMARY KEY ("id")
);
