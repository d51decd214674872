-- CreateTable
CREATE TABLE "VirtualNetwork" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "tenantSubscriptionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "addressSpace" TEXT NOT NULL,
    "subnets" JSONB NOT NULL DEFAULT '[]',
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "azureResourceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VirtualNetwork_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VirtualMachine" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "tenantSubscriptionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "size" TEXT NOT NULL,
    "vcpus" INTEGER NOT NULL,
    "memoryMb" INTEGER NOT NULL,
    "osType" TEXT NOT NULL,
    "imagePublisher" TEXT NOT NULL,
    "imageOffer" TEXT NOT NULL,
    "imageSku" TEXT NOT NULL,
    "imageVersion" TEXT NOT NULL,
    "adminUsername" TEXT NOT NULL,
    "sshPublicKey" TEXT,
    "networkName" TEXT NOT NULL,
    "subnetName" TEXT NOT NULL,
    "hasPublicIp" BOOLEAN NOT NULL DEFAULT false,
    "dataDisks" JSONB NOT NULL DEFAULT '[]',
    "provisioningState" TEXT NOT NULL DEFAULT 'Creating',
    "powerState" TEXT,
    "azureResourceId" TEXT,
    "privateIp" TEXT,
    "publicIp" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "isMissing" BOOLEAN NOT NULL DEFAULT false,
    "lastSyncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VirtualMachine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VirtualNetwork_tenantId_idx" ON "VirtualNetwork"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "VirtualNetwork_tenantSubscriptionId_name_key" ON "VirtualNetwork"("tenantSubscriptionId", "name");

-- CreateIndex
CREATE INDEX "VirtualMachine_tenantId_createdAt_idx" ON "VirtualMachine"("tenantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "VirtualMachine_tenantId_name_idx" ON "VirtualMachine"("tenantId", "name");

-- CreateIndex
CREATE INDEX "VirtualMachine_tenantId_provisioningState_idx" ON "VirtualMachine"("tenantId", "provisioningState");

-- CreateIndex
CREATE INDEX "VirtualMachine_tenantId_powerState_idx" ON "VirtualMachine"("tenantId", "powerState");

-- CreateIndex
CREATE INDEX "VirtualMachine_tenantId_region_idx" ON "VirtualMachine"("tenantId", "region");

-- CreateIndex
CREATE INDEX "VirtualMachine_azureResourceId_idx" ON "VirtualMachine"("azureResourceId");

-- CreateIndex
CREATE UNIQUE INDEX "VirtualMachine_tenantSubscriptionId_name_key" ON "VirtualMachine"("tenantSubscriptionId", "name");

-- AddForeignKey
ALTER TABLE "VirtualNetwork" ADD CONSTRAINT "VirtualNetwork_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VirtualNetwork" ADD CONSTRAINT "VirtualNetwork_tenantSubscriptionId_fkey" FOREIGN KEY ("tenantSubscriptionId") REFERENCES "TenantSubscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VirtualMachine" ADD CONSTRAINT "VirtualMachine_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VirtualMachine" ADD CONSTRAINT "VirtualMachine_tenantSubscriptionId_fkey" FOREIGN KEY ("tenantSubscriptionId") REFERENCES "TenantSubscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
