-- DropIndex
DROP INDEX "VirtualMachine_tenantId_provisioningState_idx";

-- CreateIndex
CREATE INDEX "VirtualMachine_tenantId_provisioningState_powerState_idx" ON "VirtualMachine"("tenantId", "provisioningState", "powerState");
