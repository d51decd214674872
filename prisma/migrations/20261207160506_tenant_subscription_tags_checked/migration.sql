-- AlterTable
ALTER TABLE "TenantSubscription" ADD COLUMN     "tagsCheckedAt" TIMESTAMP(3);
