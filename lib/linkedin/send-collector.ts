// What one send() of the linkedin-note channel has to report, gathered as it goes: an outcome per
// delivery, every HTTP request made, and the latest destination back-off asked for.
import type { ChannelRequestLog, ChannelSendResult, DeliveryOutcome } from "../delivery/channel";
import type { NoteChange } from "./plan-note-requests";

/** Why changes were not delivered (now): becomes their retry outcome. */
export type RetryCause = { code: string; message: string; notBefore?: Date };

export class SendCollector {
  readonly outcomes = new Map<string, DeliveryOutcome>();
  readonly requests: ChannelRequestLog[] = [];
  private backoff: { until: Date; reason: string } | undefined;

  settle(deliveryId: string, outcome: DeliveryOutcome): void {
    this.outcomes.set(deliveryId, outcome);
  }

  retry(changes: readonly NoteChange[], cause: RetryCause): void {
    const outcome: DeliveryOutcome = { kind: "retry", code: cause.code, message: cause.message };
    if (cause.notBefore) outcome.notBefore = cause.notBefore;
    for (const c of changes) this.outcomes.set(c.deliveryId, outcome);
  }

  fail(changes: readonly NoteChange[], code: string, message: string): void {
    for (const c of changes) this.outcomes.set(c.deliveryId, { kind: "failed", code, message });
  }

  /** Hold the destination until `until`; the latest of several requests wins. */
  backOff(until: Date, reason: string): void {
    if (!this.backoff || this.backoff.until < until) this.backoff = { until, reason };
  }

  log(request: ChannelRequestLog): void {
    this.requests.push(request);
  }

  result(): ChannelSendResult {
    return {
      outcomes: this.outcomes,
      requests: this.requests,
      ...(this.backoff ? { destinationBackoff: this.backoff } : {}),
    };
  }
}
