// CPU time the app and PostgreSQL spent, read from Linux's /proc: what a request costs each of them
// (issue #16 asks where the time goes). A rate on this shared two-core VM drifts by a third within
// minutes; CPU milliseconds per request drift much less, so a change's effect shows in them when the
// rates' ratio is lost in the noise. Elsewhere (no /proc) the figures are simply absent.
import fs from "node:fs";

/** CPU milliseconds so far: of the app (its process group: npm, node, Next's server) and of PostgreSQL */
export type CpuSample = { appMs: number; postgresMs: number };

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node runs on

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
export function parseStat(stat: string): { comm: string; pgrp: number; cpuTicks: number } | undefined {
  const open = stat.indexOf("(");
  const close = stat.lastIndexOf(")");
  if (open < 0 || close < open) return undefined;
  // Field 3 (state) is the first after ")": pgrp is field 5, utime 14, stime 15.
  const fields = stat.slice(close + 2).split(" ");
  const pgrp = Number(fields[5 - 3]);
  const cpuTicks = Number(fields[14 - 3]) + Number(fields[15 - 3]);
  if (!Number.isFinite(pgrp) || !Number.isFinite(cpuTicks)) return undefined;
  return { comm: stat.slice(open + 1, close), pgrp, cpuTicks };
}

/**
 * The app's and PostgreSQL's CPU time so far; undefined without /proc. PostgreSQL is every process named
 * `postgres` on the machine (its WAL writer and checkpointer work for the app's writes too), so the
 * figure is the app's only on a machine where nothing else uses PostgreSQL meanwhile.
 */
export function sampleCpu(appProcessGroup: number): CpuSample | undefined {
  let pids: string[];
  try {
    pids = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  let app = 0;
  let postgres = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    const parsed = parseStat(stat);
    if (!parsed) continue;
    if (parsed.pgrp === appProcessGroup) app += parsed.cpuTicks;
    else if (parsed.comm === "postgres") postgres += parsed.cpuTicks;
  }
  const ms = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;
  return { appMs: ms(app), postgresMs: ms(postgres) };
}

/** CPU spent between two samples; undefined when either is missing. */
export function cpuBetween(before: CpuSample | undefined, after: CpuSample | undefined): CpuSample | undefined {
  if (!before || !after) return undefined;
  return { appMs: after.appMs - before.appMs, postgresMs: after.postgresMs - before.postgresMs };
}
