import { describe, expect, it } from "vitest";
import { cpuBetween, parseStat } from "./process-cpu";

describe("parseStat", () => {
  it("reads the process group and user + system ticks after a command name holding spaces and parentheses", () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const stat = "4242 (node (next) x) S 4200 4200 4200 0 -1 4194560 100 0 0 0 250 37 0 0 20 0 11 0";
    expect(parseStat(stat)).toEqual({ comm: "node (next) x", pgrp: 4200, cpuTicks: 287 });
  });

  it("gives nothing for a line it cannot read", () => {
    expect(parseStat("garbage")).toBeUndefined();
    expect(parseStat("1 (x) S 0")).toBeUndefined();
  });
});

describe("cpuBetween", () => {
  it("subtracts two samples, and is absent when either is", () => {
    expect(cpuBetween({ appMs: 100, postgresMs: 50 }, { appMs: 350, postgresMs: 80 })).toEqual({
      appMs: 250,
      postgresMs: 30,
    });
    expect(cpuBetween(undefined, { appMs: 1, postgresMs: 1 })).toBeUndefined();
  });
});
