// The PostgreSQL notification channel the outbox trigger (migration *_delivery_notify) and the engine
// use to wake delivery workers.
export const WAKE_CHANNEL = "signalhouse_delivery";
