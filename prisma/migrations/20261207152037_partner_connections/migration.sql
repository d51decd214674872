-- CreateEnum
CREATE TYPE "PartnerConnectionState" AS ENUM ('validating', 'active', 'error');

-- CreateTable
CREATE TABLE "PartnerConnection" (
    "id" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "partnerTenantId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretEnc" TEXT NOT NULL,
    "cloud" "Cloud" NOT NULL,
    "partnerCenterEndpoint" TEXT,
    "armEndpoint" TEXT,
    "authorityHost" TEXT,
    "caCertificate" TEXT,
    "state" "PartnerConnectionState" NOT NULL DEFAULT 'validating',
    "validation" JSONB,
    "lastSyncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnerConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerCustomer" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "companyName" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "azurePlanId" TEXT,
    "entitlements" JSONB NOT NULL DEFAULT '[]',
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnerCustomer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PartnerConnection_cloud_partnerTenantId_key" ON "PartnerConnection"("cloud", "partnerTenantId");

-- CreateIndex
CREATE INDEX "PartnerCustomer_connectionId_companyName_idx" ON "PartnerCustomer"("connectionId", "companyName");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerCustomer_connectionId_tenantId_key" ON "PartnerCustomer"("connectionId", "tenantId");

-- AddForeignKey
ALTER TABLE "PartnerCustomer" ADD CONSTRAINT "PartnerCustomer_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "PartnerConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
