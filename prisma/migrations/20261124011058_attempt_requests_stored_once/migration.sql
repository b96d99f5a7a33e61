-- Requests are stored once (DeliveryRequest) instead of their bodies on every delivery's attempt row.
-- Hand-edited from `npm run db:diff` so attempts already logged keep their bodies: the table and the
-- column are created first, existing attempts are copied into one request row per X-Request-Id, and
-- only then are the old columns dropped.

-- CreateTable
CREATE TABLE "DeliveryRequest" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "httpStatus" INTEGER,
    "errorCodes" TEXT[],
    "requestBody" TEXT,
    "responseBody" TEXT,
    "batchSize" INTEGER NOT NULL,

    CONSTRAINT "DeliveryRequest_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "DeliveryAttempt" ADD COLUMN     "requestLogId" TEXT;

-- Move the bodies already logged: one request row per X-Request-Id (its id reused as the row id).
INSERT INTO "DeliveryRequest" ("id", "requestId", "channel", "workerId", "startedAt", "durationMs", "httpStatus",
                               "errorCodes", "requestBody", "responseBody", "batchSize")
SELECT DISTINCT ON (a."requestId") a."requestId", a."requestId", d."channel", a."workerId", a."startedAt",
       a."durationMs", a."httpStatus", a."errorCodes", a."requestBody", a."responseBody", a."batchSize"
FROM "DeliveryAttempt" a JOIN "Delivery" d ON d."id" = a."deliveryId"
ORDER BY a."requestId", a."startedAt";
UPDATE "DeliveryAttempt" SET "requestLogId" = "requestId";

ALTER TABLE "DeliveryAttempt" DROP COLUMN "requestBody",
DROP COLUMN "responseBody";

-- CreateIndex
CREATE INDEX "DeliveryRequest_requestId_idx" ON "DeliveryRequest"("requestId");

-- CreateIndex
CREATE INDEX "DeliveryRequest_startedAt_idx" ON "DeliveryRequest"("startedAt");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_requestLogId_idx" ON "DeliveryAttempt"("requestLogId");

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_requestLogId_fkey" FOREIGN KEY ("requestLogId") REFERENCES "DeliveryRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;
