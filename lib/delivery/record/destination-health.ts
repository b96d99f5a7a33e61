// A circuit breaker per destination, kept in DestinationState so every worker sees it. A failing
// destination (5xx storm, bad credentials, 429) is blocked for a growing, jittered time; when the block
// runs out one probe is let through (claimProbeDeliveries) and its result closes or reopens the circuit.
// Other destinations never wait for it: there is no global pause.

import type { ChannelSendResult, DeliveryOutcome } from "../channel";
import { DB_NOW, type DbClient } from "../sql";
import { DESTINATION_BACKOFF, equalJitterDelayMs, type Random } from "./backoff";

export type DestinationVerdict =
  | { kind: "healthy" }
  | { kind: "unhealthy"; reason: string; until?: Date }
  /** nothing was learnt (no outcome at all) */
  | { kind: "unknown" };

/**
 * The destination is unhealthy when the channel says so (destinationBackoff), or when nothing in the
 * batch got through: every outcome was a retry. One delivered, failed or expired row means the board
 * answered on its merits, so the destination is fine even if other rows must retry.
 */
export function destinationVerdict(
  outcomes: DeliveryOutcome[],
  backoff: ChannelSendResult["destinationBackoff"],
): DestinationVerdict {
  if (backoff) return { kind: "unhealthy", reason: backoff.reason, until: backoff.until };
  if (outcomes.length === 0) return { kind: "unknown" };
  const retries = outcomes.filter((o) => o.kind === "retry");
  if (retries.length < outcomes.length) return { kind: "healthy" };
  const first = retries[0]!;
  const notBefore = retries.map((o) => o.notBefore?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  return {
    kind: "unhealthy",
    reason: `${first.code}: ${first.message}`,
    ...(notBefore > 0 ? { until: new Date(notBefore) } : {}),
  };
}

/** How long the n-th consecutive failure blocks a destination; the board's own time wins if later. */
export function blockedUntilAfter(failures: number, now: Date, until: Date | undefined, random?: Random): Date {
  const ours = now.getTime() + equalJitterDelayMs(failures, DESTINATION_BACKOFF, random);
  return new Date(Math.max(ours, until?.getTime() ?? 0));
}

/**
 * Counts a failure and blocks the destination. The count is of consecutive failures of the destination,
 * not of batches: the first failure opens the circuit (n = 1) and every failed probe after that adds
 * one. A regular batch that fails while the circuit is already open was in flight when it opened (it
 * was claimed before): it is the same outage, so it adds nothing to the count and only extends the
 * block to the board's own time (Retry-After) when that is later. Otherwise four batches in flight per
 * worker failing together at one blip would count as 4 × workers failures and block the destination
 * for up to the 5-minute cap at once.
 */
export async function recordDestinationFailure(
  tx: DbClient,
  destination: string,
  verdict: { reason: string; until?: Date },
  options: { probe: boolean; now: Date; random?: Random },
): Promise<{ consecutiveFailures: number; blockedUntil: Date }> {
  await tx.$executeRaw`
    INSERT INTO "DestinationState" (destination, "consecutiveFailures", "updatedAt")
    VALUES (${destination}, 0, ${DB_NOW}) ON CONFLICT (destination) DO NOTHING`;
  const [current] = await tx.$queryRaw<{ consecutiveFailures: number; blockedUntil: Date | null }[]>`
    SELECT "consecutiveFailures", "blockedUntil" FROM "DestinationState" WHERE destination = ${destination} FOR UPDATE`;
  const failures = current?.consecutiveFailures ?? 0;
  const existing = current?.blockedUntil ?? null;
  let consecutiveFailures: number;
  let blockedUntil: Date;
  if (!options.probe && failures > 0) {
    consecutiveFailures = failures;
    const later = Math.max(existing?.getTime() ?? 0, verdict.until?.getTime() ?? 0);
    blockedUntil = later > 0 ? new Date(later) : blockedUntilAfter(failures, options.now, undefined, options.random);
  } else {
    consecutiveFailures = failures + 1;
    blockedUntil = blockedUntilAfter(consecutiveFailures, options.now, verdict.until, options.random);
    if (!options.probe && existing && existing > blockedUntil) blockedUntil = existing;
  }
  await tx.$executeRaw`
    UPDATE "DestinationState"
    SET "consecutiveFailures" = ${consecutiveFailures}, "blockedUntil" = ${blockedUntil},
        "boardHoldUntil" = COALESCE(${verdict.until ?? null}::timestamp(3), "boardHoldUntil"),
        "lastError" = ${verdict.reason.slice(0, 2000)}, "updatedAt" = ${DB_NOW}
    WHERE destination = ${destination}`;
  return { consecutiveFailures, blockedUntil };
}

/** A probe got through: close the circuit. Returns whether anything changed. */
export async function recordDestinationRecovered(tx: DbClient, destination: string): Promise<boolean> {
  const changed = await tx.$executeRaw`
    UPDATE "DestinationState"
    SET "consecutiveFailures" = 0, "blockedUntil" = NULL, "boardHoldUntil" = NULL, "lastError" = NULL,
        "updatedAt" = ${DB_NOW}
    WHERE destination = ${destination} AND ("consecutiveFailures" > 0 OR "blockedUntil" IS NOT NULL)`;
  return changed > 0;
}

/**
 * An admin retried rows of these destinations, which is their word that the cause is fixed: a circuit in
 * its own back-off (up to 5 minutes) is half-opened now, so one probe goes at once and its answer closes
 * or reopens it. Never before a time the board itself asked for (Retry-After).
 */
export async function probeDestinationsNow(tx: DbClient, destinations: string[]): Promise<void> {
  if (destinations.length === 0) return;
  await tx.$executeRaw`
    UPDATE "DestinationState"
    SET "blockedUntil" = GREATEST(${DB_NOW}, COALESCE("boardHoldUntil", ${DB_NOW})), "updatedAt" = ${DB_NOW}
    WHERE destination = ANY(${destinations}::text[]) AND "consecutiveFailures" > 0 AND "blockedUntil" > ${DB_NOW}`;
}

/** A probe that sent nothing (its row had expired, or a rate window was full) hands the probe back. */
export async function releaseProbe(tx: DbClient, destination: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "DestinationState" SET "blockedUntil" = ${DB_NOW}, "updatedAt" = ${DB_NOW}
    WHERE destination = ${destination} AND "consecutiveFailures" > 0 AND "blockedUntil" > ${DB_NOW}`;
}
