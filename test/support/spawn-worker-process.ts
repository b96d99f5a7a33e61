// A worker script started as its own OS process, for tests that kill it (SIGKILL) or stop it (SIGTERM).
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export type WorkerProcess = { child: ChildProcess; output: string[]; exited: Promise<number | null> };

export function spawnWorkerProcess(script: string, env: Record<string, string | undefined>): WorkerProcess {
  // `node --import tsx` keeps the worker in one process, so SIGKILL hits the worker itself. The clock
  // shift of `npm run test:future` follows the worker (a no-op when SIGNALHOUSE_TEST_CLOCK_OFFSET is unset).
  const shiftClock = path.resolve(import.meta.dirname, "shift-clock.ts");
  const child = spawn(process.execPath, ["--import", "tsx", "--import", shiftClock, path.resolve(script)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output, exited };
}
