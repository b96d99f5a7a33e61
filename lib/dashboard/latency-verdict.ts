// Whether a channel meets SEEK's expectation (an event reaches SEEK within 60 s): judged on p99, so a
// tail of slow deliveries is flagged even when the median looks healthy.
import type { TLatency } from "./overview-types";

export type TLatencyVerdict = "no-data" | "within" | "over";

export function latencyVerdict(latency: TLatency, expectationMs: number): TLatencyVerdict {
  if (latency.samples === 0 || latency.p99Ms === null) return "no-data";
  return latency.p99Ms > expectationMs ? "over" : "within";
}

/** A percentile is over the line when it exceeds the expectation (60.0 s exactly still meets it). */
export function isOverExpectation(ms: number | null, expectationMs: number): boolean {
  return ms !== null && ms > expectationMs;
}
