// Closed-loop API throughput (issue #16): `concurrency` lanes each send their next request as soon as
// the last one answered, for `seconds`, with the same API key, against `npm start` with
// SIGNALHOUSE_WORKER=off (the worker's share of the CPU is the latency phase's concern, not this one's).
// Each scenario says how to build its n-th request and how many items (status changes) one request
// carries, so a rate in items/s compares a bulk endpoint with the single one. Scenarios run on the same
// server and database in interleaved rounds (GET, single, bulk, GET, single, bulk, …), and each
// scenario's figures are its rounds' totals: on a shared virtual machine whose speed drifts by a third
// within minutes, a ratio of two phases run back to back measured the drift as much as the code.
//
// A new scenario is one more entry in apiScenarios() (the bulk endpoint: see README "Benchmarks").
import { BENCH_PIPELINE_KEY, type BenchApplication } from "./api-setup";
import { benchEvent } from "./bench-events";
import { type CpuSample, cpuBetween, sampleCpu } from "./process-cpu";

export type ApiRequest = { method: "GET" | "POST" | "PUT"; path: string; body?: unknown };

export type ApiScenario = {
  name: string;
  /** items one request carries (status changes for a bulk request; 1 otherwise) */
  itemsPerRequest: number;
  /** the statuses that count as success */
  okStatuses: readonly number[];
  request(n: number): ApiRequest;
  /** items an accepted answer really took (a bulk 202 may carry per-change errors); default itemsPerRequest */
  acceptedItems?(body: unknown): number;
};

/** Changes per bulk request in the bench: the contract allows 1,000; 100 keeps a request near a batch. */
export const BULK_CHANGES_PER_REQUEST = 100;

export type ApiThroughputResult = {
  name: string;
  concurrency: number;
  seconds: number;
  requests: number;
  ok: number;
  /** responses by HTTP status (0: network error) */
  statuses: Record<string, number>;
  requestsPerSecond: number;
  itemsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  /** each round's accepted requests per second, in order (the totals above are over all rounds) */
  roundRequestsPerSecond: number[];
  /** CPU milliseconds per accepted request, the app's and PostgreSQL's (absent without Linux's /proc) */
  cpuMsPerRequest?: { app: number; postgres: number };
};

/** One round of one scenario: what the lanes saw in its window. */
export type ApiWindow = {
  seconds: number;
  ok: number;
  items: number;
  statuses: Record<string, number>;
  latenciesMs: number[];
  /** CPU the app and PostgreSQL spent in the window (process-cpu.ts) */
  cpu?: CpuSample;
};

/**
 * The scenarios of one run. `nextEvent` numbers status changes across scenarios (and the latency phase
 * after them), so each change moves its application to a status it is not in.
 */
export function apiScenarios(input: {
  applications: readonly BenchApplication[];
  baseOccurredAtMs: number;
  nextEvent: () => number;
}): ApiScenario[] {
  const { applications, baseOccurredAtMs, nextEvent } = input;
  return [
    {
      name: `GET /api/v1/pipelines/{key}`,
      itemsPerRequest: 1,
      okStatuses: [200],
      request: () => ({ method: "GET", path: `/api/v1/pipelines/${BENCH_PIPELINE_KEY}` }),
    },
    {
      name: "POST /api/v1/applications/{id}/status (single change)",
      itemsPerRequest: 1,
      okStatuses: [202],
      request: () => {
        const event = benchEvent(nextEvent(), applications, baseOccurredAtMs);
        return {
          method: "POST",
          path: `/api/v1/applications/${event.applicationId}/status`,
          body: { status: event.status, occurredAt: event.occurredAt },
        };
      },
    },
    {
      name: `POST /api/v1/status-changes (bulk, ${BULK_CHANGES_PER_REQUEST} changes)`,
      itemsPerRequest: BULK_CHANGES_PER_REQUEST,
      okStatuses: [202],
      request: () => {
        const changes = Array.from({ length: BULK_CHANGES_PER_REQUEST }, () => {
          const event = benchEvent(nextEvent(), applications, baseOccurredAtMs);
          return { applicationId: event.applicationId, status: event.status, occurredAt: event.occurredAt };
        });
        // Every request locks its applications in one order (by id), so concurrent bulk requests that
        // share applications wait for each other instead of deadlocking.
        changes.sort((a, b) => a.applicationId.localeCompare(b.applicationId));
        return { method: "POST", path: "/api/v1/status-changes", body: { changes } };
      },
      acceptedItems: (body) =>
        ((body as { results?: { error?: unknown }[] }).results ?? []).filter((r) => r.error === undefined).length,
    },
  ];
}

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export async function measureApiWindow(input: {
  baseUrl: string;
  apiKey: string;
  scenario: ApiScenario;
  concurrency: number;
  seconds: number;
  /** the app's process group, to count its CPU time (process-cpu.ts) */
  appProcessGroup?: number;
}): Promise<ApiWindow> {
  const { scenario, concurrency } = input;
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let n = 0;
  let ok = 0;
  let items = 0;
  const cpuBefore = input.appProcessGroup === undefined ? undefined : sampleCpu(input.appProcessGroup);
  const started = performance.now();
  const until = started + input.seconds * 1000;
  const lane = async () => {
    while (performance.now() < until) {
      const request = scenario.request(n++);
      const sent = performance.now();
      let status = 0;
      try {
        const response = await fetch(`${input.baseUrl}${request.path}`, {
          method: request.method,
          headers: {
            authorization: `Bearer ${input.apiKey}`,
            ...(request.body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
        const text = await response.text();
        status = response.status;
        if (scenario.okStatuses.includes(status)) {
          items += scenario.acceptedItems ? scenario.acceptedItems(JSON.parse(text)) : scenario.itemsPerRequest;
        }
      } catch {
        status = 0;
      }
      latencies.push(performance.now() - sent);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (scenario.okStatuses.includes(status)) ok++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = input.appProcessGroup === undefined ? undefined : sampleCpu(input.appProcessGroup);
  return { seconds, ok, items, statuses, latenciesMs: latencies, cpu: cpuBetween(cpuBefore, cpuAfter) };
}

/** A scenario's figures over all its rounds: totals over total time, quantiles over every request. */
export function combineWindows(name: string, concurrency: number, windows: readonly ApiWindow[]): ApiThroughputResult {
  const sum = (pick: (w: ApiWindow) => number) => windows.reduce((total, w) => total + pick(w), 0);
  const seconds = sum((w) => w.seconds);
  const statuses: Record<string, number> = {};
  for (const w of windows) {
    for (const [status, count] of Object.entries(w.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  }
  const latencies = windows.flatMap((w) => w.latenciesMs).sort((a, b) => a - b);
  const ok = sum((w) => w.ok);
  const measuredCpu = windows.every((w) => w.cpu !== undefined) && windows.length > 0 && ok > 0;
  return {
    name,
    concurrency,
    seconds,
    requests: latencies.length,
    ok: sum((w) => w.ok),
    statuses,
    requestsPerSecond: sum((w) => w.ok) / seconds,
    itemsPerSecond: sum((w) => w.items) / seconds,
    latencyMs: { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) },
    roundRequestsPerSecond: windows.map((w) => w.ok / w.seconds),
    ...(measuredCpu && {
      cpuMsPerRequest: { app: sum((w) => w.cpu!.appMs) / ok, postgres: sum((w) => w.cpu!.postgresMs) / ok },
    }),
  };
}
