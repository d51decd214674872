-- AlterTable
ALTER TABLE "AzureSubscription" ADD COLUMN     "costTagInheritance" TEXT,
ADD COLUMN     "costTagInheritanceReadAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RecoveryVault" ADD COLUMN     "tagsCheckedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "TenantDrSetup" ADD COLUMN     "tagsCheckedAt" TIMESTAMP(3);
