-- AlterTable
ALTER TABLE "CsmTask" ADD COLUMN     "completedById" TEXT,
ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "outcomeNote" TEXT,
ADD COLUMN     "snoozedUntil" TIMESTAMP(3);

-- AddForeignKey
ALTER TABLE "CsmTask" ADD CONSTRAINT "CsmTask_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
