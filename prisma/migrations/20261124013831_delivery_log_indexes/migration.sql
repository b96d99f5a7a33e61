-- DropIndex
DROP INDEX "Delivery_applicationId_idx";

-- DropIndex
DROP INDEX "Delivery_candidateId_idx";

-- DropIndex
DROP INDEX "Delivery_channel_state_createdAt_idx";

-- DropIndex
DROP INDEX "Delivery_positionId_idx";

-- DropIndex
DROP INDEX "Delivery_tokenPrefix_idx";

-- CreateIndex
CREATE INDEX "Application_externalId_idx" ON "Application"("externalId");

-- CreateIndex
CREATE INDEX "Candidate_externalId_idx" ON "Candidate"("externalId");

-- CreateIndex
CREATE INDEX "Delivery_channel_state_seq_idx" ON "Delivery"("channel", "state", "seq");

-- CreateIndex
CREATE INDEX "Delivery_state_seq_idx" ON "Delivery"("state", "seq");

-- CreateIndex
CREATE INDEX "Delivery_kind_seq_idx" ON "Delivery"("kind", "seq");

-- CreateIndex
CREATE INDEX "Delivery_organizationId_seq_idx" ON "Delivery"("organizationId", "seq");

-- CreateIndex
CREATE INDEX "Delivery_applicationId_seq_idx" ON "Delivery"("applicationId", "seq");

-- CreateIndex
CREATE INDEX "Delivery_positionId_seq_idx" ON "Delivery"("positionId", "seq");

-- CreateIndex
CREATE INDEX "Delivery_candidateId_seq_idx" ON "Delivery"("candidateId", "seq");

-- CreateIndex
-- Byte order (COLLATE "C"), so a search by the first characters of a token is an index range
-- (lib/delivery-log/delivery-log-where.ts; docs/decisions/0105). Prisma's schema cannot say this.
CREATE INDEX "Delivery_tokenPrefix_seq_idx" ON "Delivery"("tokenPrefix" COLLATE "C", "seq");

-- CreateIndex
CREATE INDEX "Position_externalId_idx" ON "Position"("externalId");
