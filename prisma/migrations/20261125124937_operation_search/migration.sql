-- The console searches target names with ILIKE (contains), which only a trigram index serves: a 100k-row scan took ~250 ms.
-- pg_trgm ships with PostgreSQL, but Azure Database for PostgreSQL needs it in the azure.extensions allow-list first.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Operation_targetName_idx" ON "Operation" USING GIN ("targetName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Operation_errorRequestId_idx" ON "Operation"("errorRequestId");
