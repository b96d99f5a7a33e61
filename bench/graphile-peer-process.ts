// The peer the drain is measured against (issue #16): graphile-worker, tuned as its performance docs
// advise (localQueue.size 500, completeJobBatchDelay 0, concurrency 24), sending the same SEEK signals
// to the same mock on the same PostgreSQL. Run as its own process, like `npm run worker`, by
// graphile-peer.ts. It queues its jobs first (not timed), prints "ready", starts on SIGUSR2, and prints one JSON line with its time when every job is complete (no job row left).
//
// Jobs: PEER_JOBS jobs of PEER_PER_JOB signals each; one HTTP request per job (sendSignals with that
// many signals). PEER_PER_JOB=1 is the one-job-per-signal shape the issue measured.
import { randomUUID } from "node:crypto";
import { makeWorkerUtils, run, type Task } from "graphile-worker";
import { z } from "zod";
import { SendSignalsDocument } from "../lib/seek/signal-documents";

const ZPeerEnv = z.object({
  PEER_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//),
  PEER_GRAPHQL_URL: z.string().url(),
  PEER_ACCESS_TOKEN: z.string().min(1),
  PEER_JOBS: z.coerce.number().int().min(1),
  PEER_PER_JOB: z.coerce.number().int().min(1).max(100),
  PEER_CONCURRENCY: z.coerce.number().int().min(1).default(24),
  PEER_LOCAL_QUEUE: z.coerce.number().int().min(-1).default(500),
  /** the SendSignalInput every job's signals are copies of (each with its own token) */
  PEER_SIGNAL: z.string().min(2),
});
const env = ZPeerEnv.parse(process.env);
const template = JSON.parse(env.PEER_SIGNAL) as Record<string, unknown>;
const query = SendSignalsDocument.loc?.source.body;
if (!query) throw new Error("the SendSignals document has no source");

const sessionId = randomUUID();
const sendSignals: Task = async (payload) => {
  const { tokens } = payload as { tokens: string[] };
  const response = await fetch(env.PEER_GRAPHQL_URL, {
    method: "POST",
    // The headers SEEK requires of every request (and the engine's client sends).
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${env.PEER_ACCESS_TOKEN}`,
      "x-request-id": randomUUID(),
      "x-session-id": sessionId,
      "user-agent": "graphile-worker-peer/0.18.0",
      "accept-language": "en-AU",
    },
    body: JSON.stringify({
      query,
      variables: { input: { signals: tokens.map((token) => ({ ...template, token })) } },
    }),
  });
  const text = await response.text();
  // A failed job is retried by graphile-worker, as a failed delivery is by the engine.
  if (!response.ok || !text.includes('"sendSignals":true')) {
    throw new Error(`SEEK mock answered ${response.status}: ${text.slice(0, 300)}`);
  }
};

const utils = await makeWorkerUtils({ connectionString: env.PEER_DATABASE_URL });
await utils.migrate();
const tag = Math.random().toString(36).slice(2, 10);
const jobs = Array.from({ length: env.PEER_JOBS }, (_, j) => ({
  identifier: "sendSignals",
  payload: {
    tokens: Array.from(
      { length: env.PEER_PER_JOB },
      (_, i) => `benchPublicTest-peer-${tag}-${j * env.PEER_PER_JOB + i}`,
    ),
  },
}));
for (let i = 0; i < jobs.length; i += 5_000) await utils.addJobs(jobs.slice(i, i + 5_000));
console.log(`ready: ${env.PEER_JOBS} jobs of ${env.PEER_PER_JOB} signals queued`);
await new Promise<void>((resolve) => process.once("SIGUSR2", () => resolve()));

const started = performance.now();
const runner = await run({
  connectionString: env.PEER_DATABASE_URL,
  concurrency: env.PEER_CONCURRENCY,
  noHandleSignals: true,
  pollInterval: 1_000,
  taskList: { sendSignals },
  preset: {
    worker: {
      localQueue: { size: env.PEER_LOCAL_QUEUE },
      completeJobBatchDelay: 0,
      failJobBatchDelay: 0,
    },
  },
  logger: undefined,
});
const pool = runner.events;
let completed = 0;
pool.on("job:complete", () => {
  completed++;
});
for (;;) {
  await new Promise((resolve) => setTimeout(resolve, completed >= env.PEER_JOBS ? 10 : 100));
  if (completed < env.PEER_JOBS) continue;
  const [{ open }] = (
    await utils.withPgClient((client) =>
      client.query<{ open: string }>("SELECT count(*) AS open FROM graphile_worker._private_jobs"),
    )
  ).rows as [{ open: string }];
  if (Number(open) === 0) break;
}
const seconds = (performance.now() - started) / 1000;
await runner.stop();
await utils.release();
console.log(JSON.stringify({ result: { jobs: env.PEER_JOBS, perJob: env.PEER_PER_JOB, seconds, completed } }));
process.exit(0);
