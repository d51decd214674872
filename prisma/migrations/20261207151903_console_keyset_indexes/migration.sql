-- DropIndex
DROP INDEX "Operation_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_at_idx";

-- CreateIndex
CREATE INDEX "Operation_createdAt_id_idx" ON "Operation"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Operation_kind_state_createdAt_idx" ON "Operation"("kind", "state", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Operation_tenantId_kind_idx" ON "Operation"("tenantId", "kind");

-- CreateIndex
CREATE INDEX "AuditEvent_at_id_idx" ON "AuditEvent"("at" DESC, "id" DESC);
