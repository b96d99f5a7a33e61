-- CreateIndex
CREATE INDEX "Delivery_channel_state_dueBy_nextAttemptAt_seq_idx" ON "Delivery"("channel", "state", "dueBy", "nextAttemptAt", "seq");
