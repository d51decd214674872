-- CreateEnum
CREATE TYPE "CredentialKind" AS ENUM ('secret', 'certificate');

-- AlterTable
ALTER TABLE "AzureSubscription" ADD COLUMN     "credentialKind" "CredentialKind" NOT NULL DEFAULT 'secret';

-- AlterTable
ALTER TABLE "PartnerConnection" ADD COLUMN     "credentialKind" "CredentialKind" NOT NULL DEFAULT 'secret';
