// The printed table (and the figures the README quotes) from one run's results.

import type { LogQueryResult } from "./delivery-log-queries";
import type { FloorResult } from "./drain-floor";
import type { DrainResult } from "./drain-with-workers";
import type { HistoryDeadlineResult } from "./history-deadline";
import type { LatencyResult } from "./latency";

export type BenchResults = {
  startedAt: string;
  finishedAt: string;
  command: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    postgres: string;
    loadAverageAtStart: number[];
  };
  config: Record<string, unknown>;
  drains: DrainResult[];
  floor?: FloorResult;
  app?: { startSeconds: number; applications: number; setupSeconds: number };
  latency: LatencyResult[];
  historyDeadline?: HistoryDeadlineResult;
  logQueries?: LogQueryResult;
  notes: string[];
};

const n = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "–";

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function formatReport(results: BenchResults): string {
  const out: string[] = [];
  const m = results.machine;
  out.push(
    `Signalhouse delivery benchmark — ${results.startedAt}`,
    `machine: ${m.cpus} cores (${m.cpuModel}), ${n(m.memoryGb)} GB, node ${m.node}, ${m.postgres}; load average at start ${m.loadAverageAtStart.map((l) => l.toFixed(2)).join(" ")}`,
    `command: ${results.command}`,
    "",
  );
  const floor = results.floor;
  if (results.drains.length > 0 || floor) {
    const rows = results.drains.map((d) => [
      `engine, ${d.workers} worker process${d.workers > 1 ? "es" : ""}`,
      n(d.deliveries),
      n(d.seconds, 1),
      n(d.deliveriesPerSecond),
      floor ? `${n(d.deliveriesPerSecond / floor.deliveriesPerSecond, 2)}×` : "–",
      n(d.httpRequests),
      `${n(d.attemptLogBytes / 1024 ** 2)} MB`,
      n(d.requestMs.p50),
      d.finished ? "" : "UNFINISHED",
    ]);
    if (floor) {
      rows.push([
        "floor: bare pg claim+mark loop",
        n(floor.deliveries),
        n(floor.seconds, 1),
        n(floor.deliveriesPerSecond),
        "1.00×",
        "0",
        "–",
        "–",
        "",
      ]);
    }
    out.push(
      "Drain of queued seek-signal deliveries into the SEEK mock",
      table(
        ["", "deliveries", "seconds", "deliveries/s", "vs floor", "HTTP requests", "attempt log", "request p50 ms", ""],
        rows,
      ),
      "",
    );
  }
  if (results.latency.length > 0) {
    const ms = (v: number) => n(v, 1);
    out.push(
      "Latency under a steady load through `npm start` (API 202 → SEEK mock receipt; inline worker)",
      table(
        [
          "target events/s",
          "sent/s",
          "202/s",
          "sent",
          "202",
          "other",
          "received",
          "202→rcpt p50 ms",
          "p99",
          "max",
          "sent→rcpt p50",
          "p99",
          "API p50",
          "p99",
        ],
        results.latency.map((l) => [
          n(l.targetRate),
          n(l.sentPerSecond),
          n(l.acceptedPerSecond),
          n(l.sent),
          n(l.statuses["202"] ?? 0),
          n(l.sent - (l.statuses["202"] ?? 0)),
          n(l.received),
          ms(l.ackToReceiptMs.p50),
          ms(l.ackToReceiptMs.p99),
          ms(l.ackToReceiptMs.max),
          ms(l.sendToReceiptMs.p50),
          ms(l.sendToReceiptMs.p99),
          ms(l.apiMs.p50),
          ms(l.apiMs.p99),
        ]),
      ),
      "",
    );
  }
  const history = results.historyDeadline;
  if (history) {
    out.push(
      `SEEK history items queued at once, one worker process, against SEEK's 60 s (seed 003)`,
      table(
        ["items", "delivered", "past 60 s", "write→delivered p50 ms", "p99", "max", "all delivered after s"],
        [
          [
            n(history.items),
            n(history.delivered),
            n(history.late),
            n(history.writeToDeliveredMs.p50),
            n(history.writeToDeliveredMs.p99),
            n(history.writeToDeliveredMs.max),
            `${n(history.allDeliveredAfterMs / 1000, 1)}${history.finished ? "" : " (unfinished)"}`,
          ],
        ],
      ),
      "",
    );
  }
  const log = results.logQueries;
  if (log) {
    out.push(
      `Admin delivery-log listing on ${n(log.rows)} deliveries (${log.organizations} organizations; median of ${log.repeats} warm runs)`,
      table(
        ["query", "rows", "median ms", "max ms", "plan"],
        log.queries.map((q) => [q.label, n(q.rows), n(q.medianMs, 2), n(q.maxMs, 2), q.plan]),
      ),
      "",
    );
  }
  for (const note of results.notes) out.push(`note: ${note}`);
  return out.join("\n");
}
