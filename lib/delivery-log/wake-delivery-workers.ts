// Retry now and cancel make rows claimable that were not: a retried row is due at once, and a cancelled
// one no longer holds back the rows behind it in its ordering key. The delivery engine's workers LISTEN
// on "signalhouse_delivery" and PostgreSQL delivers a NOTIFY at commit (never for a rolled-back change),
// so this is called inside the change's transaction. With no listener it does nothing and the workers'
// regular poll picks the rows up.
//
// The hook for the delivery engine: once lib/delivery/wake.ts is on main, this body can become
// `notifyWorkers(tx)` (and wakeLocalWorkers() for in-process workers) without touching its callers.
import type { DbOrTx } from "../db/tx";

export const DELIVERY_WAKE_CHANNEL = "signalhouse_delivery";

export async function wakeDeliveryWorkers(tx: DbOrTx): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${DELIVERY_WAKE_CHANNEL}, '')`;
}
