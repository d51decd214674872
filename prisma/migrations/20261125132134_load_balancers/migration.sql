-- CreateTable
CREATE TABLE "LoadBalancer" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "tenantSubscriptionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "resourceGroup" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "sku" TEXT NOT NULL DEFAULT 'Standard',
    "azureResourceId" TEXT,
    "etag" TEXT,
    "frontends" JSONB NOT NULL DEFAULT '[]',
    "backendPools" JSONB NOT NULL DEFAULT '[]',
    "probes" JSONB NOT NULL DEFAULT '[]',
    "rules" JSONB NOT NULL DEFAULT '[]',
    "provisioningState" TEXT NOT NULL DEFAULT 'Creating',
    "errorMessage" TEXT,
    "isDiscovered" BOOLEAN NOT NULL DEFAULT false,
    "lastRefreshedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoadBalancer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicIpAddress" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "tenantSubscriptionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "resourceGroup" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "sku" TEXT NOT NULL DEFAULT 'Standard',
    "allocation" TEXT NOT NULL DEFAULT 'Static',
    "ipAddress" TEXT,
    "azureResourceId" TEXT,
    "loadBalancerId" TEXT,
    "frontendName" TEXT,
    "provisioningState" TEXT NOT NULL DEFAULT 'Creating',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicIpAddress_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LoadBalancer_tenantId_name_idx" ON "LoadBalancer"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "LoadBalancer_tenantSubscriptionId_resourceGroup_name_key" ON "LoadBalancer"("tenantSubscriptionId", "resourceGroup", "name");

-- CreateIndex
CREATE INDEX "PublicIpAddress_tenantId_idx" ON "PublicIpAddress"("tenantId");

-- CreateIndex
CREATE INDEX "PublicIpAddress_loadBalancerId_idx" ON "PublicIpAddress"("loadBalancerId");

-- CreateIndex
CREATE UNIQUE INDEX "PublicIpAddress_tenantSubscriptionId_resourceGroup_name_key" ON "PublicIpAddress"("tenantSubscriptionId", "resourceGroup", "name");

-- AddForeignKey
ALTER TABLE "LoadBalancer" ADD CONSTRAINT "LoadBalancer_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoadBalancer" ADD CONSTRAINT "LoadBalancer_tenantSubscriptionId_fkey" FOREIGN KEY ("tenantSubscriptionId") REFERENCES "TenantSubscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicIpAddress" ADD CONSTRAINT "PublicIpAddress_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicIpAddress" ADD CONSTRAINT "PublicIpAddress_tenantSubscriptionId_fkey" FOREIGN KEY ("tenantSubscriptionId") REFERENCES "TenantSubscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicIpAddress" ADD CONSTRAINT "PublicIpAddress_loadBalancerId_fkey" FOREIGN KEY ("loadBalancerId") REFERENCES "LoadBalancer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
