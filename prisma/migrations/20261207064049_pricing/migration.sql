-- CreateTable
CREATE TABLE "PriceSheet" (
    "id" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "importedById" TEXT,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PriceSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriceSheetRow" (
    "id" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "serviceName" TEXT NOT NULL,
    "serviceFamily" TEXT NOT NULL DEFAULT '',
    "productName" TEXT NOT NULL,
    "skuName" TEXT NOT NULL,
    "meterName" TEXT NOT NULL,
    "armSkuName" TEXT NOT NULL DEFAULT '',
    "armRegionName" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "unitOfMeasure" TEXT NOT NULL,
    "unitPrice" DECIMAL(20,10) NOT NULL,
    "retailPrice" DECIMAL(20,10) NOT NULL,
    "tierMinimumUnits" DECIMAL(20,6) NOT NULL DEFAULT 0,
    "meterId" TEXT NOT NULL DEFAULT '',
    "type" TEXT NOT NULL,
    "effectiveStartDate" TIMESTAMPTZ(0),
    "matchKey" TEXT NOT NULL,

    CONSTRAINT "PriceSheetRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanPricing" (
    "planId" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "markupKind" TEXT NOT NULL DEFAULT 'percent',
    "markupValue" DECIMAL(14,6) NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanPricing_pkey" PRIMARY KEY ("planId")
);

-- CreateTable
CREATE TABLE "RatedUsage" (
    "id" TEXT NOT NULL,
    "usageDailyId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "tenantSubscriptionId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "meter" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "postedOn" DATE NOT NULL,
    "seq" INTEGER NOT NULL,
    "quantity" DECIMAL(24,10) NOT NULL,
    "unit" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "listPrice" DECIMAL(20,10),
    "markupKind" TEXT NOT NULL,
    "markupValue" DECIMAL(14,6) NOT NULL,
    "unitPrice" DECIMAL(20,10),
    "amount" DECIMAL(24,10) NOT NULL,
    "priceSheetId" TEXT,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "usageComputedAt" TIMESTAMPTZ(3) NOT NULL,
    "ratedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatedUsage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActualCost" (
    "id" TEXT NOT NULL,
    "azureSubscriptionId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "tagValue" TEXT NOT NULL,
    "amount" DECIMAL(24,10) NOT NULL,
    "currency" TEXT NOT NULL,
    "fetchedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActualCost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PriceSheet_currency_importedAt_idx" ON "PriceSheet"("currency", "importedAt");

-- CreateIndex
CREATE INDEX "PriceSheetRow_sheetId_matchKey_idx" ON "PriceSheetRow"("sheetId", "matchKey");

-- CreateIndex
CREATE UNIQUE INDEX "PriceSheetRow_sheetId_line_key" ON "PriceSheetRow"("sheetId", "line");

-- CreateIndex
CREATE UNIQUE INDEX "RatedUsage_usageDailyId_key" ON "RatedUsage"("usageDailyId");

-- CreateIndex
CREATE INDEX "RatedUsage_tenantId_postedOn_idx" ON "RatedUsage"("tenantId", "postedOn");

-- CreateIndex
CREATE INDEX "RatedUsage_postedOn_idx" ON "RatedUsage"("postedOn");

-- CreateIndex
CREATE INDEX "ActualCost_day_idx" ON "ActualCost"("day");

-- CreateIndex
CREATE UNIQUE INDEX "ActualCost_azureSubscriptionId_day_tagValue_key" ON "ActualCost"("azureSubscriptionId", "day", "tagValue");

-- AddForeignKey
ALTER TABLE "PriceSheetRow" ADD CONSTRAINT "PriceSheetRow_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "PriceSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanPricing" ADD CONSTRAINT "PlanPricing_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
