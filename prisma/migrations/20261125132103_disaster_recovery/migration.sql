-- CreateTable
CREATE TABLE "RecoveryVault" (
    "id" TEXT NOT NULL,
    "azureSubscriptionId" TEXT NOT NULL,
    "resourceGroup" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "azureResourceId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'creating',
    "errorMessage" TEXT,
    "lastRefreshedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecoveryVault_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fabric" (
    "id" TEXT NOT NULL,
    "vaultId" TEXT NOT NULL,
    "armName" TEXT NOT NULL,
    "friendlyName" TEXT NOT NULL,
    "health" TEXT NOT NULL,
    "connectionStatus" TEXT,
    "providerVersion" TEXT,
    "lastHeartbeatAt" TIMESTAMP(3),
    "isMissing" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Fabric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtectionContainer" (
    "id" TEXT NOT NULL,
    "vaultId" TEXT NOT NULL,
    "fabricId" TEXT NOT NULL,
    "armName" TEXT NOT NULL,
    "friendlyName" TEXT NOT NULL,
    "pairingStatus" TEXT NOT NULL DEFAULT 'NotPaired',
    "tenantId" TEXT,
    "tenantSubscriptionId" TEXT,
    "assignedAt" TIMESTAMP(3),
    "vms" JSONB NOT NULL DEFAULT '[]',
    "isMissing" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProtectionContainer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrVmNetwork" (
    "id" TEXT NOT NULL,
    "vaultId" TEXT NOT NULL,
    "fabricId" TEXT NOT NULL,
    "armName" TEXT NOT NULL,
    "friendlyName" TEXT NOT NULL,
    "tenantId" TEXT,

    CONSTRAINT "DrVmNetwork_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenantDrSetup" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "tenantSubscriptionId" TEXT NOT NULL,
    "containerId" TEXT NOT NULL,
    "resourceGroup" TEXT NOT NULL,
    "storageAccount" TEXT NOT NULL,
    "vnetName" TEXT NOT NULL,
    "addressSpace" TEXT NOT NULL,
    "subnetName" TEXT NOT NULL,
    "subnetPrefix" TEXT NOT NULL,
    "policyName" TEXT NOT NULL,
    "copyFrequencySeconds" INTEGER NOT NULL,
    "recoveryPointHours" INTEGER NOT NULL,
    "appConsistentHours" INTEGER NOT NULL,
    "initialReplicationStart" TEXT,
    "vmNetworkId" TEXT,
    "storageAccountId" TEXT,
    "vnetId" TEXT,
    "testVnetId" TEXT,
    "policyId" TEXT,
    "targetsState" TEXT NOT NULL DEFAULT 'pending',
    "policyState" TEXT NOT NULL DEFAULT 'pending',
    "mappingState" TEXT NOT NULL DEFAULT 'pending',
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TenantDrSetup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtectedItem" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "containerId" TEXT NOT NULL,
    "armName" TEXT NOT NULL,
    "vmName" TEXT NOT NULL,
    "targetVmName" TEXT NOT NULL,
    "targetSize" TEXT,
    "osType" TEXT NOT NULL,
    "osDiskId" TEXT,
    "subnetName" TEXT NOT NULL DEFAULT 'default',
    "state" TEXT NOT NULL DEFAULT 'enabling',
    "protectionState" TEXT,
    "protectionDescription" TEXT,
    "replicationHealth" TEXT,
    "activeLocation" TEXT,
    "testFailoverState" TEXT,
    "allowedOperations" TEXT[],
    "initialReplicationPercent" INTEGER,
    "lastRecoveryPointAt" TIMESTAMP(3),
    "rpoSeconds" INTEGER,
    "lastTestFailoverAt" TIMESTAMP(3),
    "lastTestFailoverNotes" TEXT,
    "lastJob" JSONB,
    "errorMessage" TEXT,
    "lastSyncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProtectedItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RpoSample" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "protectedItemId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rpoSeconds" INTEGER NOT NULL,

    CONSTRAINT "RpoSample_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RecoveryVault_azureSubscriptionId_resourceGroup_name_key" ON "RecoveryVault"("azureSubscriptionId", "resourceGroup", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Fabric_vaultId_armName_key" ON "Fabric"("vaultId", "armName");

-- CreateIndex
CREATE UNIQUE INDEX "ProtectionContainer_tenantSubscriptionId_key" ON "ProtectionContainer"("tenantSubscriptionId");

-- CreateIndex
CREATE INDEX "ProtectionContainer_tenantId_idx" ON "ProtectionContainer"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "ProtectionContainer_fabricId_armName_key" ON "ProtectionContainer"("fabricId", "armName");

-- CreateIndex
CREATE INDEX "DrVmNetwork_tenantId_idx" ON "DrVmNetwork"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "DrVmNetwork_fabricId_armName_key" ON "DrVmNetwork"("fabricId", "armName");

-- CreateIndex
CREATE UNIQUE INDEX "TenantDrSetup_tenantSubscriptionId_key" ON "TenantDrSetup"("tenantSubscriptionId");

-- CreateIndex
CREATE UNIQUE INDEX "TenantDrSetup_containerId_key" ON "TenantDrSetup"("containerId");

-- CreateIndex
CREATE UNIQUE INDEX "TenantDrSetup_vmNetworkId_key" ON "TenantDrSetup"("vmNetworkId");

-- CreateIndex
CREATE INDEX "TenantDrSetup_tenantId_idx" ON "TenantDrSetup"("tenantId");

-- CreateIndex
CREATE INDEX "ProtectedItem_tenantId_idx" ON "ProtectedItem"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "ProtectedItem_containerId_armName_key" ON "ProtectedItem"("containerId", "armName");

-- CreateIndex
CREATE INDEX "RpoSample_tenantId_at_idx" ON "RpoSample"("tenantId", "at");

-- CreateIndex
CREATE INDEX "RpoSample_protectedItemId_at_idx" ON "RpoSample"("protectedItemId", "at");

-- AddForeignKey
ALTER TABLE "RecoveryVault" ADD CONSTRAINT "RecoveryVault_azureSubscriptionId_fkey" FOREIGN KEY ("azureSubscriptionId") REFERENCES "AzureSubscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fabric" ADD CONSTRAINT "Fabric_vaultId_fkey" FOREIGN KEY ("vaultId") REFERENCES "RecoveryVault"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtectionContainer" ADD CONSTRAINT "ProtectionContainer_vaultId_fkey" FOREIGN KEY ("vaultId") REFERENCES "RecoveryVault"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtectionContainer" ADD CONSTRAINT "ProtectionContainer_fabricId_fkey" FOREIGN KEY ("fabricId") REFERENCES "Fabric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtectionContainer" ADD CONSTRAINT "ProtectionContainer_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtectionContainer" ADD CONSTRAINT "ProtectionContainer_tenantSubscriptionId_fkey" FOREIGN KEY ("tenantSubscriptionId") REFERENCES "TenantSubscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrVmNetwork" ADD CONSTRAINT "DrVmNetwork_vaultId_fkey" FOREIGN KEY ("vaultId") REFERENCES "RecoveryVault"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrVmNetwork" ADD CONSTRAINT "DrVmNetwork_fabricId_fkey" FOREIGN KEY ("fabricId") REFERENCES "Fabric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantDrSetup" ADD CONSTRAINT "TenantDrSetup_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantDrSetup" ADD CONSTRAINT "TenantDrSetup_tenantSubscriptionId_fkey" FOREIGN KEY ("tenantSubscriptionId") REFERENCES "TenantSubscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantDrSetup" ADD CONSTRAINT "TenantDrSetup_containerId_fkey" FOREIGN KEY ("containerId") REFERENCES "ProtectionContainer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantDrSetup" ADD CONSTRAINT "TenantDrSetup_vmNetworkId_fkey" FOREIGN KEY ("vmNetworkId") REFERENCES "DrVmNetwork"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtectedItem" ADD CONSTRAINT "ProtectedItem_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtectedItem" ADD CONSTRAINT "ProtectedItem_containerId_fkey" FOREIGN KEY ("containerId") REFERENCES "ProtectionContainer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RpoSample" ADD CONSTRAINT "RpoSample_protectedItemId_fkey" FOREIGN KEY ("protectedItemId") REFERENCES "ProtectedItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
