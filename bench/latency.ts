// One steady-rate run against the app: the sender thread posts status changes at `rate` per second for
// `seconds`; the SEEK mock reports each signal as it arrives (receipts). For every change the API
// accepted, the figures are taken from its 202 to the mock's receipt of its signal (the brief's
// measure; it can be negative: the inline worker may send before the client has read the 202) and from
// the request being sent to the receipt (always positive), plus the API's own answer time.

import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import type { BenchApplication } from "./api-setup";
import { benchEvent, receiptKey } from "./bench-events";
import { type Summary, summarize } from "./stats";
import type { SenderInput, SenderOutput } from "./steady-sender-thread";

export type Receipts = Map<string, number>;

export type LatencyResult = {
  targetRate: number;
  /** 1: single-change requests; more: bulk requests of this many changes */
  changesPerRequest: number;
  seconds: number;
  /** events the window held at the target rate */
  events: number;
  /** events actually sent (the sender never has more than maxInFlight open; the rest of the window is lost) */
  sent: number;
  /** requests started per second over the sending window (below target when the sender was held back) */
  sentPerSecond: number;
  /** 202s per second, first due time to last answer */
  acceptedPerSecond: number;
  statuses: Record<string, number>;
  received: number;
  missing: number;
  /** how late the sender started requests against their schedule */
  senderLagMs: Summary;
  /** request sent → 202 */
  apiMs: Summary;
  /** 202 → mock receipt (the brief's figure) */
  ackToReceiptMs: Summary;
  ackToReceiptNegative: number;
  /** request sent → mock receipt */
  sendToReceiptMs: Summary;
  /** the bench's own event loop (it hosts the mock): large values would mean the receipts are late */
  benchEventLoopDelayMs: { p99: number; max: number };
  loadAverage: { before: number; after: number };
};

function runSender(input: SenderInput): Promise<SenderOutput> {
  return new Promise((resolve, reject) => {
    // Node 20 does not carry tsx's loader into worker threads: the thread registers it, then loads the sender.
    const entry = new URL("./steady-sender-thread.ts", import.meta.url).href;
    const boot = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
      .then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: input });
    worker.once("message", (output: SenderOutput) => {
      resolve(output);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`sender thread exited with code ${code}`));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureLatency(input: {
  baseUrl: string;
  apiKey: string;
  rate: number;
  seconds: number;
  offset: number;
  applications: BenchApplication[];
  baseOccurredAtMs: number;
  maxInFlight: number;
  changesPerRequest: number;
  receipts: Receipts;
  /** how long to wait for the last signals after the last 202 */
  settleMs?: number;
}): Promise<LatencyResult> {
  const count = input.rate * input.seconds;
  input.receipts.clear();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const loadBefore = os.loadavg()[0] ?? 0;
  const out = await runSender({
    baseUrl: input.baseUrl,
    apiKey: input.apiKey,
    rate: input.rate,
    count,
    offset: input.offset,
    applications: input.applications,
    baseOccurredAtMs: input.baseOccurredAtMs,
    maxInFlight: input.maxInFlight,
    changesPerRequest: input.changesPerRequest,
    requestTimeoutMs: 60_000,
  });
  const keys = Array.from({ length: count }, (_, i) => {
    const event = benchEvent(input.offset + i, input.applications, input.baseOccurredAtMs);
    return receiptKey(event.token, event.occurredAt);
  });
  const accepted = keys.map((_, i) => i).filter((i) => out.status[i] === 202);
  const settleUntil = performance.now() + (input.settleMs ?? 30_000);
  while (accepted.some((i) => !input.receipts.has(keys[i]!)) && performance.now() < settleUntil) await sleep(50);
  loop.disable();

  const statuses: Record<string, number> = {};
  for (const status of out.status) {
    const label = status === -1 ? "not sent" : status === 0 ? "no answer" : String(status);
    statuses[label] = (statuses[label] ?? 0) + 1;
  }
  const received = accepted.filter((i) => input.receipts.has(keys[i]!));
  const receiptOf = (i: number) => input.receipts.get(keys[i]!)!;
  const ackToReceipt = received.map((i) => receiptOf(i) - out.answeredAt[i]!);
  const finite = (values: Float64Array) => Array.from(values).filter(Number.isFinite);
  const sentTimes = finite(out.sentAt);
  const lastSent = sentTimes.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  const lastAnswer = finite(out.answeredAt).reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  return {
    targetRate: input.rate,
    changesPerRequest: input.changesPerRequest,
    seconds: input.seconds,
    events: count,
    sent: out.sent,
    // over the whole window, so a sender held back by maxInFlight shows as a lower rate
    sentPerSecond: (out.sent * 1000) / Math.max(lastSent - out.startedAtMs, count * (1000 / input.rate)),
    acceptedPerSecond: (accepted.length * 1000) / (lastAnswer - out.startedAtMs),
    statuses,
    received: received.length,
    missing: accepted.length - received.length,
    senderLagMs: summarize(Array.from(out.sentAt, (sent, i) => sent - out.dueAt[i]!)),
    apiMs: summarize(accepted.map((i) => out.answeredAt[i]! - out.sentAt[i]!)),
    ackToReceiptMs: summarize(ackToReceipt),
    ackToReceiptNegative: ackToReceipt.filter((ms) => ms < 0).length,
    sendToReceiptMs: summarize(received.map((i) => receiptOf(i) - out.sentAt[i]!)),
    benchEventLoopDelayMs: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    loadAverage: { before: loadBefore, after: os.loadavg()[0] ?? 0 },
  };
}
