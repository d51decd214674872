-- CreateIndex
CREATE INDEX "VirtualMachine_tenantSubscriptionId_hasPublicIp_vcpus_idx" ON "VirtualMachine"("tenantSubscriptionId", "hasPublicIp", "vcpus");
