import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("SIGNALHOUSE_LEASE", () => {
  it("defaults to a 10 s lease and takes a duration", () => {
    expect(parseEnv({}).SIGNALHOUSE_LEASE).toBe(10_000);
    expect(parseEnv({ SIGNALHOUSE_LEASE: "5s" }).SIGNALHOUSE_LEASE).toBe(5_000);
  });

  it("refuses a lease too short to be renewed, naming the variable", () => {
    expect(() => parseEnv({ SIGNALHOUSE_LEASE: "100ms" })).toThrow(EnvError);
    expect(() => parseEnv({ SIGNALHOUSE_LEASE: "100ms" })).toThrow(/SIGNALHOUSE_LEASE: must be at least 300ms/);
    expect(() => parseEnv({ SIGNALHOUSE_LEASE: "ten" })).toThrow(/SIGNALHOUSE_LEASE/);
  });
});
