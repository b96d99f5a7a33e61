// The #16 verdicts the bench prints come from targetRatios: each ratio only when both sides were measured,
// the one-write floor shown as the bound, and a latency taken below the target rate never counted as met.
import { describe, expect, it } from "vitest";
import type { ApiThroughputResult } from "./api-throughput";
import type { FloorResult } from "./drain-floor";
import type { DrainResult } from "./drain-with-workers";
import type { PeerResult } from "./graphile-peer";
import type { LatencyResult } from "./latency";
import { type BenchResults, formatReport, targetRatios } from "./report";

const load = { before: 0, after: 0 };
const drain = (deliveriesPerSecond: number): DrainResult => ({
  workers: 1,
  deliveries: 1000,
  seconds: 1000 / deliveriesPerSecond,
  deliveriesPerSecond,
  states: { delivered: 1000 },
  httpRequests: 10,
  attemptRows: 10,
  attemptLogBytes: 0,
  requestMs: { p50: 1, p99: 2 },
  requestBodyBytesPerRequest: 0,
  mockAccepted: 1000,
  loadAverage: load,
  finished: true,
});
const floor = (mode: FloorResult["mode"], deliveriesPerSecond: number): FloorResult => ({
  mode,
  deliveries: 1000,
  delivered: 1000,
  seconds: 1000 / deliveriesPerSecond,
  deliveriesPerSecond,
  batches: 10,
  loadAverage: load,
});
const peer = (perJob: number, signalsPerSecond: number): PeerResult => ({
  label: `peer ${perJob}`,
  signals: 1000,
  perJob,
  seconds: 1000 / signalsPerSecond,
  signalsPerSecond,
  httpRequests: 1000 / perJob,
  mockAccepted: 1000,
  loadAverage: load,
});
const api = (
  name: string,
  requestsPerSecond: number,
  itemsPerSecond = requestsPerSecond,
  roundRequestsPerSecond: number[] = [requestsPerSecond],
): ApiThroughputResult => ({
  name,
  concurrency: 64,
  seconds: 15,
  requests: 100,
  ok: 100,
  statuses: { "202": 100 },
  requestsPerSecond,
  itemsPerSecond,
  latencyMs: { p50: 1, p99: 2 },
  roundRequestsPerSecond,
});
const results = (parts: Partial<BenchResults>): BenchResults => ({
  startedAt: "2026-01-01T00:00:00.000Z",
  finishedAt: "",
  command: "npm run bench",
  machine: { cpus: 2, cpuModel: "test", memoryGb: 1, node: "v20", postgres: "15", loadAverageAtStart: [0, 0, 0] },
  config: {},
  drains: [],
  floors: [],
  peers: [],
  api: [],
  latency: [],
  notes: [],
  ...parts,
});

describe("targetRatios", () => {
  it("computes each ratio the run has both sides of, and the one-write bounds with and without the log's indexes", () => {
    const run = results({
      drains: [drain(3000)],
      floors: [floor("claim+mark", 8000), floor("one write", 12000), floor("one write, engine indexes only", 30000)],
      peers: [peer(1, 2000), peer(100, 20000)],
      api: [
        api("GET /api/v1/pipelines/{key}", 400),
        api("POST /api/v1/applications/{id}/status (single change)", 200),
        api("POST /api/v1/status-changes (bulk, 100 changes)", 30, 3000),
      ],
    });
    const ratios = targetRatios(run);
    expect(ratios.map((r) => [r.label, r.ratio])).toEqual([
      ["drain: engine (1 worker) / graphile-worker one job per signal", 1.5],
      ["bound: bare pg, 1 write/signal, no lease / one job per signal", 6],
      ["bound without the log's indexes / one job per signal", 15],
      ["single status changes / GET pipeline (requests/s)", 0.5],
      ["bulk status changes / single (changes/s)", 15],
    ]);
    // The bounds are printed as bounds, never as a target met or missed.
    expect(ratios.filter((r) => r.bound).map((r) => r.label)).toEqual([
      "bound: bare pg, 1 write/signal, no lease / one job per signal",
      "bound without the log's indexes / one job per signal",
    ]);
    const printed = formatReport(run);
    expect(printed).toMatch(/bound: bare pg, 1 write\/signal.* 6\.00×.*below \(a bound\)/);
    expect(printed).toMatch(/bound without the log's indexes.* 15\.00×.*above \(a bound\)/);
  });

  it("gives the single/GET ratio of each interleaved round beside the ratio of the totals", () => {
    const [ratio] = targetRatios(
      results({
        api: [
          api("GET /api/v1/pipelines/{key}", 500, 500, [400, 500, 600]),
          api("POST /api/v1/applications/{id}/status (single change)", 250, 250, [240, 250, 240]),
        ],
      }),
    );
    expect(ratio).toMatchObject({ label: "single status changes / GET pipeline (requests/s)", ratio: 0.5 });
    expect(ratio!.perRound).toEqual([0.6, 0.5, 0.4]);
    expect(formatReport(results({ api: [] }))).not.toContain("per round");
  });

  it("leaves out a ratio whose other side was not measured", () => {
    const ratios = targetRatios(results({ drains: [drain(3000)], api: [api("GET /api/v1/pipelines/{key}", 400)] }));
    expect(ratios).toEqual([]);
  });

  it("never counts a latency measured below the target rate as met", () => {
    const steady = {
      targetRate: 500,
      changesPerRequest: 1,
      sent: 1620,
      sentPerSecond: 81,
      acceptedPerSecond: 81,
      statuses: { "202": 1620 },
      received: 1620,
      ackToReceiptMs: { p50: 100, p99: 289, max: 400 },
      sendToReceiptMs: { p50: 200, p99: 900, max: 950 },
      apiMs: { p50: 100, p99: 600, max: 700 },
    } as unknown as LatencyResult;
    const [latency] = targetRatios(results({ latency: [steady] }));
    expect(latency?.unmet).toBe("the API accepted 81/s, not 500/s");
    expect(formatReport(results({ latency: [steady] }))).toContain("NO (the API accepted 81/s, not 500/s)");
  });

  it("reports the 500/s latency once per request shape, met only where the rate was reached and the p99 is under 1 s", () => {
    const at = (changesPerRequest: number, acceptedPerSecond: number, p99: number) =>
      ({
        targetRate: 500,
        changesPerRequest,
        sent: acceptedPerSecond * 20,
        sentPerSecond: acceptedPerSecond,
        acceptedPerSecond,
        statuses: { "202": acceptedPerSecond * 20 },
        received: acceptedPerSecond * 20,
        ackToReceiptMs: { p50: p99 / 2, p99, max: p99 },
        sendToReceiptMs: { p50: p99, p99, max: p99 },
        apiMs: { p50: 10, p99: 20, max: 30 },
      }) as unknown as LatencyResult;
    const ratios = targetRatios(results({ latency: [at(1, 120, 300), at(20, 498, 640), at(50, 499, 1_400)] }));
    expect(ratios.map((r) => [r.label, r.unmet, r.ratio])).toEqual([
      [
        "202 → board receipt p99 at a steady 500 changes/s, single requests (inline worker)",
        "the API accepted 120/s, not 500/s",
        300,
      ],
      ["202 → board receipt p99 at a steady 500 changes/s, bulk requests of 20 (inline worker)", undefined, 640],
      ["202 → board receipt p99 at a steady 500 changes/s, bulk requests of 50 (inline worker)", undefined, 1_400],
    ]);
    const report = formatReport(results({ latency: [at(20, 498, 640), at(50, 499, 1_400)] }));
    expect(report).toMatch(/bulk requests of 20 \(inline worker\) +640 ms +< 1,000 ms +yes/);
    expect(report).toMatch(/bulk requests of 50 \(inline worker\) +1,400 ms +< 1,000 ms +NO/);
  });
});
