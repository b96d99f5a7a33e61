// p50 / p95 / p99 of event-to-delivery time over the last hour, each against SEEK's 60 s. A percentile
// over the line is red and says so in words (colour is never the only signal).
import { Badge } from "@/components/ui/badge";
import { formatDuration } from "@/lib/dashboard/format-duration";
import { isOverExpectation, latencyVerdict } from "@/lib/dashboard/latency-verdict";
import type { TLatency } from "@/lib/dashboard/overview-types";

export function LatencyPanel({ latency, expectationMs }: { latency: TLatency; expectationMs: number }) {
  const verdict = latencyVerdict(latency, expectationMs);
  const seconds = Math.round(expectationMs / 1000);
  const percentiles = [
    ["p50", latency.p50Ms],
    ["p95", latency.p95Ms],
    ["p99", latency.p99Ms],
  ] as const;
  return (
    <div data-testid="latency" data-verdict={verdict}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-700">Event → delivery, last hour</h3>
        {verdict === "over" ? (
          <Badge tone="red">p99 over {seconds} s</Badge>
        ) : verdict === "within" ? (
          <Badge tone="green">within {seconds} s</Badge>
        ) : (
          <Badge>nothing delivered</Badge>
        )}
      </div>
      <dl className="mt-2 grid grid-cols-3 gap-2">
        {percentiles.map(([name, ms]) => {
          const over = isOverExpectation(ms, expectationMs);
          return (
            <div
              key={name}
              className={`rounded-md px-2 py-1.5 ring-1 ring-inset ${over ? "bg-red-50 ring-red-200" : "bg-slate-50 ring-slate-200"}`}
            >
              <dt className="text-xs text-slate-500">{name}</dt>
              <dd className={`text-sm font-semibold tabular-nums ${over ? "text-red-700" : "text-slate-900"}`}>
                {formatDuration(ms)}
                {over ? <span className="sr-only"> (over {seconds} s)</span> : null}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="mt-1 text-xs text-slate-500">
        {/* SEEK's 60 s is the bar every channel is held to (LinkedIn and the ATS's webhooks too), so the
            line names the bar, not SEEK. */}
        {latency.samples
          ? `${latency.samples.toLocaleString("en")} deliveries · expected within ${seconds} s`
          : `expected within ${seconds} s`}
      </p>
    </div>
  );
}
