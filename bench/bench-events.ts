// The latency phase's events, as a pure function of their global number: event n moves application
// n mod K to the next status of the cycle, at occurredAt = base + n ms. The status and the time are
// what SEEK receives (current.status, current.timestamp), so the mock's receipt of event n is found by
// the pair (seek-token, timestamp), which no other event shares.
import { type BenchApplication, STATUS_CYCLE } from "./api-setup";

export type BenchEvent = { applicationId: string; token: string; status: string; occurredAt: string };

export function benchEvent(n: number, applications: readonly BenchApplication[], baseOccurredAtMs: number): BenchEvent {
  const application = applications[n % applications.length]!;
  const round = Math.floor(n / applications.length);
  return {
    applicationId: application.id,
    token: application.token,
    status: STATUS_CYCLE[round % STATUS_CYCLE.length]!,
    occurredAt: new Date(baseOccurredAtMs + n).toISOString(),
  };
}

export function receiptKey(token: string | null | undefined, timestamp: string | null | undefined): string {
  return `${token ?? ""}|${timestamp ?? ""}`;
}
