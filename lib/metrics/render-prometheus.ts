// Prometheus text exposition format (version 0.0.4) for a metrics snapshot.
import type { MetricsSnapshot } from "./read-metrics";

const escapeLabel = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

function family(
  name: string,
  help: string,
  type: "gauge" | "counter",
  samples: [Record<string, string>, number][],
): string {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
  for (const [labels, value] of samples) {
    const rendered = Object.entries(labels)
      .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
      .join(",");
    lines.push(`${name}${rendered ? `{${rendered}}` : ""} ${Number.isFinite(value) ? value : 0}`);
  }
  return lines.join("\n");
}

export function renderPrometheus(snapshot: MetricsSnapshot): string {
  return `${[
    family(
      "signalhouse_deliveries",
      "Outbox rows by channel and state.",
      "gauge",
      snapshot.deliveries.map((d) => [{ channel: d.channel, state: d.state }, d.count]),
    ),
    family(
      "signalhouse_oldest_pending_seconds",
      "Age of the oldest undelivered row per channel.",
      "gauge",
      snapshot.oldestPendingSeconds.map((o) => [{ channel: o.channel }, o.seconds]),
    ),
    family(
      "signalhouse_delivery_attempts_total",
      "Delivery attempts recorded, by outcome.",
      "counter",
      snapshot.attempts.map((a) => [{ outcome: a.outcome }, a.count]),
    ),
    family("signalhouse_workers_alive", "Workers with a heartbeat in the last 30 seconds.", "gauge", [
      [{}, snapshot.workersAlive],
    ]),
  ].join("\n")}\n`;
}
