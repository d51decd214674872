-- AlterTable
ALTER TABLE "Operation" DROP COLUMN "lro";

-- AlterTable
ALTER TABLE "OperationStep" ADD COLUMN     "continuation" TEXT,
ADD COLUMN     "result" JSONB;

-- One active (queued or running) operation per target and kind: a double submit finds the first one.
CREATE UNIQUE INDEX "Operation_active_target_kind" ON "Operation"("targetId", "kind") WHERE "state" IN ('queued', 'running');
