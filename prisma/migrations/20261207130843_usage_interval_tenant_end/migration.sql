-- CreateIndex
CREATE INDEX "UsageInterval_tenantId_endAt_idx" ON "UsageInterval"("tenantId", "endAt");
