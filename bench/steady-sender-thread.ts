// Runs in a worker thread, so its event loop is not the one the SEEK mock answers on: sends status
// changes at a steady rate (event i is due at start + i/rate, whatever happened to earlier ones), with
// at most `maxInFlight` requests open, for the length of the window only, and records for each event
// when it was due, sent and answered. With `changesPerRequest` > 1 the changes go as bulk requests
// (POST /api/v1/status-changes), each sent when the last change it carries is due.
// Times are performance.timeOrigin + now(): wall-clock milliseconds comparable across threads.
import { parentPort, workerData } from "node:worker_threads";
import type { BenchApplication } from "./api-setup";
import { benchEvent } from "./bench-events";

export type SenderInput = {
  baseUrl: string;
  apiKey: string;
  rate: number;
  count: number;
  /** global number of the first event (events before it were sent in earlier phases) */
  offset: number;
  applications: BenchApplication[];
  baseOccurredAtMs: number;
  maxInFlight: number;
  requestTimeoutMs: number;
  /** 1: each change its own request; more: bulk requests of this many changes */
  changesPerRequest: number;
};

export type SenderOutput = {
  startedAtMs: number;
  /** events started before the window closed (the rest were never sent) */
  sent: number;
  /** per event: when it was due, sent and answered (NaN: never), and the HTTP status (0: network error or
   * timeout, -1: not sent; in a bulk request, 202 for a change the batch accepted, 422 for one it refused) */
  dueAt: Float64Array;
  sentAt: Float64Array;
  answeredAt: Float64Array;
  status: Int32Array;
};

const input = workerData as SenderInput;
const wall = () => performance.timeOrigin + performance.now();
const out: SenderOutput = {
  startedAtMs: wall() + 20,
  sent: 0,
  dueAt: new Float64Array(input.count),
  sentAt: new Float64Array(input.count).fill(Number.NaN),
  answeredAt: new Float64Array(input.count).fill(Number.NaN),
  status: new Int32Array(input.count).fill(-1),
};
const intervalMs = 1000 / input.rate;
// Nothing starts after the window closes: a slow app gets fewer events, never a longer run.
const windowEndsAt = out.startedAtMs + input.count * intervalMs;
let next = 0;
let inFlight = 0;
let closed = false;

function send(first: number, size: number): void {
  const indexes = Array.from({ length: size }, (_, k) => first + k);
  const events = indexes.map((i) => benchEvent(input.offset + i, input.applications, input.baseOccurredAtMs));
  const single = input.changesPerRequest === 1;
  inFlight++;
  out.sent += size;
  const sentAt = wall();
  for (const i of indexes) out.sentAt[i] = sentAt;
  const answered = (status: (k: number) => number) => {
    const at = wall();
    for (const [k, i] of indexes.entries()) {
      out.answeredAt[i] = at;
      out.status[i] = status(k);
    }
  };
  fetch(
    single
      ? `${input.baseUrl}/api/v1/applications/${events[0]!.applicationId}/status`
      : `${input.baseUrl}/api/v1/status-changes`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${input.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(
        single
          ? { status: events[0]!.status, occurredAt: events[0]!.occurredAt }
          : {
              changes: events.map((e) => ({
                applicationId: e.applicationId,
                status: e.status,
                occurredAt: e.occurredAt,
              })),
            },
      ),
      signal: AbortSignal.timeout(input.requestTimeoutMs),
    },
  )
    .then(async (response) => {
      const body = single ? await response.arrayBuffer() : await response.json().catch(() => ({}));
      const results = (body as { results?: { error?: unknown }[] }).results;
      answered((k) => (response.status === 202 && results?.[k]?.error ? 422 : response.status));
    })
    .catch(() => answered(() => 0))
    .finally(() => {
      inFlight--;
      pump();
    });
}

function pump(): void {
  const now = wall();
  if (now >= windowEndsAt) closed = true;
  while (!closed && next < input.count && inFlight < input.maxInFlight) {
    const size = Math.min(input.changesPerRequest, input.count - next);
    // A request leaves when the last change it carries is due.
    if (out.startedAtMs + (next + size - 1) * intervalMs > now) break;
    for (let i = next; i < next + size; i++) out.dueAt[i] = out.startedAtMs + i * intervalMs;
    send(next, size);
    next += size;
  }
  if ((closed || next === input.count) && inFlight === 0) finish();
}

let timer: NodeJS.Timeout | undefined;
let finished = false;
function tick(): void {
  pump();
  if (!finished) timer = setTimeout(tick, 1);
}

function finish(): void {
  if (finished) return;
  finished = true;
  if (timer) clearTimeout(timer);
  parentPort?.postMessage(out);
}

tick();
