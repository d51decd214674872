-- AlterTable
ALTER TABLE "AzureSubscription" ADD COLUMN     "certificateNotAfter" TIMESTAMP(3),
ADD COLUMN     "certificateSubject" TEXT,
ADD COLUMN     "certificateThumbprint" TEXT;

-- AlterTable
ALTER TABLE "PartnerConnection" ADD COLUMN     "certificateNotAfter" TIMESTAMP(3),
ADD COLUMN     "certificateSubject" TEXT,
ADD COLUMN     "certificateThumbprint" TEXT;
