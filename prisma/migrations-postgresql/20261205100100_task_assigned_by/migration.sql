-- AlterTable
ALTER TABLE "CsmTask" ADD COLUMN     "assignedById" TEXT;

-- AddForeignKey
ALTER TABLE "CsmTask" ADD CONSTRAINT "CsmTask_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
