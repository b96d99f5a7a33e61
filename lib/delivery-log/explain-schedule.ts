// What happens next to a delivery, in words an admin can act on: when it will be tried again, or why it
// will not be. Pure, so the page and its tests agree on every state (the states are in prisma/schema.prisma).

import { IDENTIFIER_LIFETIME_DAYS } from "../delivery/enqueue/identifier-expiry";
import type { DeliveryState } from "../generated/prisma/enums";

export type TScheduleFacts = {
  state: DeliveryState;
  nextAttemptAt: Date;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  lastErrorCode: string | null;
  deliveredAt: Date | null;
};

export type TScheduleExplanation = {
  /** "waiting" rows will be tried by a worker on their own; "final" ones never again without an admin */
  kind: "due" | "scheduled" | "sending" | "stranded" | "final";
  text: string;
  /** the moment the text refers to (next attempt, lease expiry, delivery), for a relative "in 3 min" */
  at: Date | null;
};

export const CANCELLED_BY_ADMIN = "CANCELLED_BY_ADMIN";
export const CANCELLED_OUT = "CANCELLED_OUT";

export function explainSchedule(facts: TScheduleFacts, now: Date): TScheduleExplanation {
  switch (facts.state) {
    case "pending":
      return facts.nextAttemptAt.getTime() <= now.getTime()
        ? { kind: "due", text: "Due now: the next free worker sends it.", at: facts.nextAttemptAt }
        : {
            kind: "scheduled",
            text: facts.lastErrorCode
              ? `Waiting to retry after ${facts.lastErrorCode}; next attempt at the time shown.`
              : "Waiting until its next attempt time.",
            at: facts.nextAttemptAt,
          };
    case "in_flight":
      if (facts.leaseExpiresAt && facts.leaseExpiresAt.getTime() > now.getTime()) {
        return {
          kind: "sending",
          text: `Being sent by worker ${facts.leaseOwner ?? "?"}.`,
          at: facts.leaseExpiresAt,
        };
      }
      return {
        kind: "stranded",
        text: `Worker ${facts.leaseOwner ?? "?"} stopped reporting (its lease lapsed); a worker takes the row back and tries again.`,
        at: facts.leaseExpiresAt,
      };
    case "delivered":
      return { kind: "final", text: "Delivered. Nothing more to send.", at: facts.deliveredAt };
    case "failed":
      return {
        kind: "final",
        text: "The board rejected it permanently, so it is not retried automatically. Fix the cause, then use Retry now.",
        at: null,
      };
    case "dead":
      return {
        kind: "final",
        text: "It kept failing for longer than the retry window, so it is no longer retried automatically. Retry now sends it once more.",
        at: null,
      };
    case "expired":
      return {
        kind: "final",
        text: `Its SEEK identifier is older than ${IDENTIFIER_LIFETIME_DAYS} days; SEEK would ignore it, so it is never sent.`,
        at: null,
      };
    case "cancelled":
      return {
        kind: "final",
        text:
          facts.lastErrorCode === CANCELLED_OUT
            ? "Cancelled out: it was deleted before it was ever sent, so the board never needs to see it."
            : facts.lastErrorCode === CANCELLED_BY_ADMIN
              ? "Cancelled by an administrator; it is never sent."
              : "Cancelled; it is never sent.",
        at: null,
      };
  }
}

/** States an admin may send again now (in_flight never: a worker holds it). */
export const RETRYABLE_STATES = ["pending", "failed", "dead"] as const satisfies readonly DeliveryState[];
/** States an admin may cancel (delivered, expired and in-flight rows are refused). */
export const CANCELLABLE_STATES = ["pending", "failed", "dead"] as const satisfies readonly DeliveryState[];

export function canRetry(state: DeliveryState): boolean {
  return (RETRYABLE_STATES as readonly DeliveryState[]).includes(state);
}

export function canCancel(state: DeliveryState): boolean {
  return (CANCELLABLE_STATES as readonly DeliveryState[]).includes(state);
}
