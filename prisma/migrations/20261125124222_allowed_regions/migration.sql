-- AlterTable
ALTER TABLE "TenantSubscription" ADD COLUMN     "location" TEXT NOT NULL DEFAULT 'eastus';

-- CreateTable
CREATE TABLE "AllowedRegion" (
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllowedRegion_pkey" PRIMARY KEY ("name")
);
