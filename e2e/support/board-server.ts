// Starts the SEEK mock in the test process and a second `npm start` of the same build whose SEEK_* point
// at it, on a fresh embedded database (BOARD_E2E in e2e-env.ts). For journeys that need a board that
// answers: a signal delivered, a token refused.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { BOARD_E2E, E2E } from "../e2e-env";
import { type SeekMock, startSeekMock } from "../mocks/seek/server";

export type BoardServer = { mock: SeekMock; baseURL: string; stop: () => Promise<void> };

async function waitForHealth(url: string, server: ChildProcess, output: string[], timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the board server exited (${server.exitCode}):\n${output.join("")}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the board server was not healthy after ${timeoutMs} ms:\n${output.join("").slice(-4000)}`);
}

/**
 * `firstAdmin: false` starts it without SIGNALHOUSE_ADMIN_EMAIL/PASSWORD, as a newcomer's first
 * `npm start` runs: no administrator, so the app asks for one at /setup.
 */
export async function startBoardServer({ firstAdmin = true }: { firstAdmin?: boolean } = {}): Promise<BoardServer> {
  const mock = await startSeekMock({ port: BOARD_E2E.mockPort });
  fs.rmSync(BOARD_E2E.dataDir, { recursive: true, force: true });
  const output: string[] = [];
  const adminEnv = firstAdmin ? {} : { SIGNALHOUSE_ADMIN_EMAIL: "", SIGNALHOUSE_ADMIN_PASSWORD: "" };
  const server = spawn("npm", ["start"], {
    env: {
      ...process.env,
      ...E2E.serverEnv,
      ...adminEnv,
      PORT: String(BOARD_E2E.port),
      NEXTAUTH_URL: BOARD_E2E.baseURL,
      SIGNALHOUSE_DATA_DIR: BOARD_E2E.dataDir,
      SEEK_GRAPHQL_URL: mock.graphqlUrl,
      SEEK_TOKEN_URL: mock.tokenUrl,
      SEEK_TOKEN_AUDIENCE: mock.credentials.audience,
      SEEK_CLIENT_ID: mock.credentials.clientId,
      SEEK_CLIENT_SECRET: mock.credentials.clientSecret,
    },
    // its own process group, so stopping it stops npm, tsx and the server under them
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const stop = async () => {
    if (server.exitCode === null && server.pid) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      process.kill(-server.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (server.exitCode === null) process.kill(-server.pid, "SIGKILL");
    }
    await mock.close();
  };
  try {
    await waitForHealth(`${BOARD_E2E.baseURL}/api/health`, server, output, 240_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { mock, baseURL: BOARD_E2E.baseURL, stop };
}
