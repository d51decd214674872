-- CreateTable
CREATE TABLE "UsageInterval" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "tenantSubscriptionId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "azureResourceId" TEXT,
    "resourceName" TEXT NOT NULL,
    "meter" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "units" DECIMAL(18,6) NOT NULL DEFAULT 1,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "startAt" TIMESTAMPTZ(0) NOT NULL,
    "endAt" TIMESTAMPTZ(0),
    "source" TEXT NOT NULL,
    "operationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageInterval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageDaily" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "tenantSubscriptionId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "meter" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "quantity" DECIMAL(24,10) NOT NULL,
    "unit" TEXT NOT NULL,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "postedOn" DATE NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageDaily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsagePeriodClose" (
    "kind" TEXT NOT NULL,
    "start" DATE NOT NULL,
    "closedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsagePeriodClose_pkey" PRIMARY KEY ("kind","start")
);

-- CreateIndex
CREATE INDEX "UsageInterval_tenantSubscriptionId_startAt_idx" ON "UsageInterval"("tenantSubscriptionId", "startAt");

-- CreateIndex
CREATE INDEX "UsageInterval_resourceId_meter_idx" ON "UsageInterval"("resourceId", "meter");

-- CreateIndex
CREATE INDEX "UsageInterval_startAt_idx" ON "UsageInterval"("startAt");

-- CreateIndex
CREATE INDEX "UsageInterval_endAt_idx" ON "UsageInterval"("endAt");

-- CreateIndex
CREATE INDEX "UsageDaily_tenantId_day_idx" ON "UsageDaily"("tenantId", "day");

-- CreateIndex
CREATE INDEX "UsageDaily_day_idx" ON "UsageDaily"("day");

-- CreateIndex
CREATE INDEX "UsageDaily_postedOn_idx" ON "UsageDaily"("postedOn");

-- CreateIndex
CREATE UNIQUE INDEX "UsageDaily_tenantSubscriptionId_meter_region_sku_day_seq_key" ON "UsageDaily"("tenantSubscriptionId", "meter", "region", "sku", "day", "seq");

-- At most one open interval per resource and meter: the recorder closes the open one before opening the next.
CREATE UNIQUE INDEX "UsageInterval_open_key" ON "UsageInterval"("resourceId", "meter") WHERE "endAt" IS NULL;
ALTER TABLE "UsageInterval" ADD CONSTRAINT "UsageInterval_end_after_start" CHECK ("endAt" IS NULL OR "endAt" >= "startAt");
