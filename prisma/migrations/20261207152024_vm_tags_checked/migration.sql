-- AlterTable
ALTER TABLE "VirtualMachine" ADD COLUMN     "tagsCheckedAt" TIMESTAMP(3);
