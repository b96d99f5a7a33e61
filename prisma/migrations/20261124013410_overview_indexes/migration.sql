-- CreateIndex
CREATE INDEX "Delivery_deliveredAt_idx" ON "Delivery"("deliveredAt");

-- CreateIndex
CREATE INDEX "Delivery_state_updatedAt_idx" ON "Delivery"("state", "updatedAt");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_startedAt_idx" ON "DeliveryAttempt"("startedAt");
