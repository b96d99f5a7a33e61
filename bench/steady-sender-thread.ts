// Runs in a worker thread, so its event loop is not the one the SEEK mock answers on: sends status
// changes at a steady rate (event i is due at start + i/rate, whatever happened to earlier ones), with
// at most `maxInFlight` requests open, for the length of the window only, and records for each event
// when it was due, sent and answered.
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
};

export type SenderOutput = {
  startedAtMs: number;
  /** events started before the window closed (the rest were never sent) */
  sent: number;
  /** per event: when it was due, sent and answered (NaN: never), and the HTTP status (0: network error or
   * timeout, -1: not sent) */
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

function send(i: number): void {
  const event = benchEvent(input.offset + i, input.applications, input.baseOccurredAtMs);
  inFlight++;
  out.sent++;
  out.sentAt[i] = wall();
  fetch(`${input.baseUrl}/api/v1/applications/${event.applicationId}/status`, {
    method: "POST",
    headers: { authorization: `Bearer ${input.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ status: event.status, occurredAt: event.occurredAt }),
    signal: AbortSignal.timeout(input.requestTimeoutMs),
  })
    .then(async (response) => {
      await response.arrayBuffer();
      out.answeredAt[i] = wall();
      out.status[i] = response.status;
    })
    .catch(() => {
      out.answeredAt[i] = wall();
      out.status[i] = 0;
    })
    .finally(() => {
      inFlight--;
      pump();
    });
}

function pump(): void {
  const now = wall();
  if (now >= windowEndsAt) closed = true;
  while (!closed && next < input.count && inFlight < input.maxInFlight) {
    const due = out.startedAtMs + next * intervalMs;
    if (due > now) break;
    out.dueAt[next] = due;
    send(next++);
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
