// The real product under `npm start` (it builds first when the build is stale: that time is reported,
// never measured), on PostgreSQL, with the inline worker and SEEK pointed at the mock.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type OwnedProcess, startOwnedProcess } from "./child-process";
import { onCleanup } from "./cleanup";

export type AppServer = { baseUrl: string; apiKey: string; startSeconds: number; process: OwnedProcess };

export async function startApp(input: {
  databaseUrl: string;
  port: number;
  seekEnv: Record<string, string>;
  logDir: string;
  startTimeoutMs: number;
  /** "off" for the API throughput phase: the API alone, nothing draining beside it */
  worker?: "inline" | "off";
}): Promise<AppServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "signalhouse-bench-"));
  onCleanup(`remove ${dataDir}`, async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const apiKey = `bench-${randomBytes(18).toString("base64url")}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...input.seekEnv,
    DATABASE_URL: input.databaseUrl,
    PORT: String(input.port),
    HOSTNAME: "127.0.0.1",
    SIGNALHOUSE_WORKER: input.worker ?? "inline",
    SIGNALHOUSE_BOOTSTRAP_API_KEY: apiKey,
    SIGNALHOUSE_DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const started = performance.now();
  const app = startOwnedProcess("npm start", "npm", ["start"], {
    env,
    logFile: path.join(input.logDir, `app-worker-${input.worker ?? "inline"}.log`),
  });
  await app.waitForLine(/\[signalhouse\] ready on/, input.startTimeoutMs);
  return {
    baseUrl: `http://127.0.0.1:${input.port}`,
    apiKey,
    startSeconds: (performance.now() - started) / 1000,
    process: app,
  };
}
