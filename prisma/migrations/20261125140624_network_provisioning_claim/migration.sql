-- AlterTable
ALTER TABLE "VirtualNetwork" ADD COLUMN     "provisioningOperationId" TEXT;
