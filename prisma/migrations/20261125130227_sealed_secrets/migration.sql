-- CreateTable
CREATE TABLE "SealedSecret" (
    "id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SealedSecret_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SealedSecret_expiresAt_idx" ON "SealedSecret"("expiresAt");
