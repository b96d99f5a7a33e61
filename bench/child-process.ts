// Starts a process the bench owns: in its own process group (so `npm start`'s children stop with it),
// its output kept in a log file, stopped by SIGTERM to that group (SIGKILL if it lingers), and
// registered for cleanup the moment it starts.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { onCleanup } from "./cleanup";

export type OwnedProcess = {
  label: string;
  pid: number;
  logFile: string;
  /** resolves when a line of output matches; rejects if the process exits or `timeoutMs` passes first */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** SIGTERM to the process group, SIGKILL after `graceMs`; resolves with the exit code */
  stop(graceMs?: number): Promise<number | null>;
  exited: Promise<number | null>;
};

export function startOwnedProcess(
  label: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; logFile: string; cwd?: string },
): OwnedProcess {
  const log = fs.createWriteStream(options.logFile);
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd ?? process.cwd(),
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`could not start ${label}`);
  const pid = child.pid;
  let buffer = "";
  const watchers = new Set<(line: string) => void>();
  const onData = (chunk: Buffer) => {
    log.write(chunk);
    buffer += chunk.toString("utf8");
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) for (const watch of watchers) watch(line);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  void exited.then(() => log.end());

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is gone already
    }
  };
  let stopping: Promise<number | null> | undefined;
  const stop = (graceMs = 30_000) => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
      const code = await exited;
      clearTimeout(timer);
      signalGroup("SIGKILL"); // grandchildren that outlived their parent
      return code;
    })();
    return stopping;
  };
  const forget = onCleanup(`stop ${label} (pid ${pid})`, async () => {
    await stop(10_000);
  });
  void exited.then(() => {
    if (stopping) forget();
  });

  return {
    label,
    pid,
    logFile: options.logFile,
    exited,
    stop,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const done = (finish: () => void) => {
          watchers.delete(watch);
          clearTimeout(timer);
          finish();
        };
        const watch = (line: string) => {
          if (pattern.test(line)) done(() => resolve(line));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`${label}: no line matching ${pattern} within ${timeoutMs} ms`))),
          timeoutMs,
        );
        watchers.add(watch);
        void exited.then((code) =>
          done(() =>
            reject(new Error(`${label} exited (code ${code}) before printing ${pattern}; see ${options.logFile}`)),
          ),
        );
      });
    },
  };
}
