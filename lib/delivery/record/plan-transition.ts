// What an outcome does to a delivery: the state machine of one row, without I/O. A retry becomes `dead`
// once the row has been failing for longer than the dead age (it stays visible, never dropped);
// `failed` and `expired` are final and never retried automatically.

import type { DeliveryOutcome } from "../channel";
import { expiredMessage, IDENTIFIER_EXPIRED, isExpired } from "../enqueue/identifier-expiry";
import { nextAttemptAt, type Random, RETRY_BACKOFF } from "./backoff";

export type AttemptOutcome = "delivered" | "retry" | "failed" | "expired" | "dead";

export type Transition = {
  id: string;
  state: "delivered" | "pending" | "failed" | "dead" | "expired";
  /** only for `pending` */
  nextAttemptAt: Date | null;
  lastError: string | null;
  lastErrorCode: string | null;
  deliveredAt: Date | null;
  /** the label of the attempt that produced this transition */
  attemptOutcome: AttemptOutcome;
};

export type TransitionInput = {
  delivery: { id: string; attempts: number; createdAt: Date };
  outcome: DeliveryOutcome;
  now: Date;
  deadAfterMs: number;
  random?: Random;
};

export function planTransition({ delivery, outcome, now, deadAfterMs, random }: TransitionInput): Transition {
  const base = { id: delivery.id, nextAttemptAt: null, deliveredAt: null };
  switch (outcome.kind) {
    case "delivered":
      return {
        ...base,
        state: "delivered",
        deliveredAt: now,
        lastError: null,
        lastErrorCode: null,
        attemptOutcome: "delivered",
      };
    case "failed":
      return {
        ...base,
        state: "failed",
        lastError: outcome.message,
        lastErrorCode: outcome.code,
        attemptOutcome: "failed",
      };
    case "expired":
      return {
        ...base,
        state: "expired",
        lastError: outcome.message,
        lastErrorCode: IDENTIFIER_EXPIRED,
        attemptOutcome: "expired",
      };
    case "retry": {
      const failingForMs = now.getTime() - delivery.createdAt.getTime();
      if (failingForMs >= deadAfterMs) {
        return {
          ...base,
          state: "dead",
          lastError: outcome.message,
          lastErrorCode: outcome.code,
          attemptOutcome: "dead",
        };
      }
      return {
        ...base,
        state: "pending",
        nextAttemptAt: nextAttemptAt(delivery.attempts, now, outcome.notBefore, RETRY_BACKOFF, random),
        lastError: outcome.message,
        lastErrorCode: outcome.code,
        attemptOutcome: "retry",
      };
    }
  }
}

/** A row past its expiry is never sent: the engine checks before every send, as enqueue did at write. */
export function expiredBeforeSend(expiresAt: Date | null, now: Date): DeliveryOutcome | null {
  if (expiresAt === null || !isExpired(expiresAt, now)) return null;
  return { kind: "expired", message: expiredMessage(expiresAt) };
}
