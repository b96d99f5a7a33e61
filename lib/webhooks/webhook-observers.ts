// The operational webhooks as engine observers (lib/delivery/engine-observers.ts): delivery.failed/dead/
// expired queued in the transaction that records the transition, and the periodic checks for
// deadline.missed and channel.degraded/recovered (docs/decisions/0147, 0149).
import type { EngineObservers } from "../delivery/engine-observers";
import { enqueueTransitionEvents } from "./enqueue-webhook-events";
import { emitOperationalEvents } from "./operational-checks";
import { REPORTED_STATES } from "./webhook-events";

const CHECK_EVERY_MS = 5_000;

export const WEBHOOK_OBSERVERS: EngineObservers = {
  onTransitions: { states: REPORTED_STATES, record: enqueueTransitionEvents },
  periodic: [{ name: "the webhook checks", everyMs: CHECK_EVERY_MS, run: emitOperationalEvents }],
};
