-- CreateTable
CREATE TABLE "FailureGroupMark" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "errorCode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byLabel" TEXT NOT NULL,

    CONSTRAINT "FailureGroupMark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FailureGroupMark_organizationId_channel_errorCode_key" ON "FailureGroupMark"("organizationId", "channel", "errorCode");

-- CreateIndex
CREATE INDEX "Delivery_lastErrorCode_seq_idx" ON "Delivery"("lastErrorCode", "seq");

-- AddForeignKey
ALTER TABLE "FailureGroupMark" ADD CONSTRAINT "FailureGroupMark_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
