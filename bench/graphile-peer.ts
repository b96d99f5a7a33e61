// Runs the graphile-worker peer (graphile-peer-process.ts) on the bench's database and SEEK mock, in
// the same run as the engine's drain, so their rates share one machine state and can be compared as a
// ratio. The clock starts at the go signal (jobs are queued before, as the engine's outbox is seeded
// before its drain) and stops when the peer reports its job table empty.
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import type { SeekMock } from "../e2e/mocks/seek/server";
import { fetchPartnerToken } from "../lib/seek/fetch-partner-token";
import { startOwnedProcess } from "./child-process";

export type PeerResult = {
  label: string;
  signals: number;
  perJob: number;
  seconds: number;
  signalsPerSecond: number;
  httpRequests: number;
  mockAccepted: number;
  loadAverage: { before: number; after: number };
};

export async function drainWithGraphileWorker(input: {
  client: pg.Client;
  databaseUrl: string;
  mock: SeekMock;
  signals: number;
  perJob: number;
  signal: object;
  logDir: string;
  timeoutMs: number;
}): Promise<PeerResult> {
  const { mock, perJob } = input;
  const jobs = Math.ceil(input.signals / perJob);
  const token = await fetchPartnerToken(
    {
      tokenUrl: mock.tokenUrl,
      audience: mock.credentials.audience,
      clientId: mock.credentials.clientId,
      clientSecret: mock.credentials.clientSecret,
    },
    () => new Date(),
  );
  await input.client.query("DROP SCHEMA IF EXISTS graphile_worker CASCADE");
  const label = `graphile-worker, ${perJob} signal${perJob > 1 ? "s" : ""} per job`;
  const peer = startOwnedProcess(label, process.execPath, ["--import", "tsx", "bench/graphile-peer-process.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PEER_DATABASE_URL: input.databaseUrl,
      PEER_GRAPHQL_URL: mock.graphqlUrl,
      PEER_ACCESS_TOKEN: token.accessToken,
      PEER_JOBS: String(jobs),
      PEER_PER_JOB: String(perJob),
      PEER_SIGNAL: JSON.stringify(input.signal),
    },
    logFile: path.join(input.logDir, `graphile-worker-${perJob}-per-job.log`),
  });
  try {
    await peer.waitForLine(/^ready:/, 180_000);
    await input.client.query(`ANALYZE graphile_worker._private_jobs`);
    mock.reset();
    const loadBefore = os.loadavg()[0] ?? 0;
    process.kill(peer.pid, "SIGUSR2");
    const line = await peer.waitForLine(/"result"/, input.timeoutMs);
    const { result } = JSON.parse(line.slice(line.indexOf("{"))) as { result: { seconds: number } };
    const loadAfter = os.loadavg()[0] ?? 0;
    const signals = jobs * perJob;
    return {
      label,
      signals,
      perJob,
      seconds: result.seconds,
      signalsPerSecond: signals / result.seconds,
      httpRequests: jobs,
      mockAccepted: mock.acceptedCount(),
      loadAverage: { before: loadBefore, after: loadAfter },
    };
  } finally {
    await peer.stop(10_000);
    await input.client.query("DROP SCHEMA IF EXISTS graphile_worker CASCADE");
  }
}
