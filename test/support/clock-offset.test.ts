import { describe, expect, it } from "vitest";
import { installClockOffset, installedClockOffset, parseClockOffset } from "./clock-offset";

describe("the test clock offset", () => {
  it("reads +5y, -30d, +12h, +90m, 250ms and a bare number of milliseconds", () => {
    expect(parseClockOffset("+5y")).toBe(5 * 365.25 * 86_400_000);
    expect(parseClockOffset("-30d")).toBe(-30 * 86_400_000);
    expect(parseClockOffset("+12h")).toBe(12 * 3_600_000);
    expect(parseClockOffset("90m")).toBe(90 * 60_000);
    expect(parseClockOffset("250ms")).toBe(250);
    expect(parseClockOffset("1000")).toBe(1000);
  });

  it("refuses anything else, naming the variable", () => {
    expect(() => parseClockOffset("five years")).toThrow(/SIGNALHOUSE_TEST_CLOCK_OFFSET/);
    expect(() => parseClockOffset("+5w")).toThrow(/\+5y/);
  });

  it("moves Date.now() and new Date() by the offset; dates built from a value, and instanceof, stay as they were", () => {
    // A sandbox global, so this test does not shift the clock of the tests running beside it.
    const RealDate = globalThis.Date;
    const sandbox = { Date: class extends RealDate {} } as unknown as typeof globalThis;
    const offset = parseClockOffset("+5y");
    const before = RealDate.now();
    installClockOffset(offset, sandbox);
    installClockOffset(parseClockOffset("-1d"), sandbox); // a second install keeps the first offset
    const after = RealDate.now();

    expect(installedClockOffset(sandbox)).toBe(offset);
    expect(sandbox.Date.now()).toBeGreaterThanOrEqual(before + offset);
    const shifted = new sandbox.Date();
    expect(shifted.getTime()).toBeGreaterThanOrEqual(before + offset);
    expect(shifted.getTime()).toBeLessThanOrEqual(RealDate.now() + offset);
    expect(shifted).toBeInstanceOf(sandbox.Date);
    expect(new sandbox.Date(0).getTime()).toBe(0);
    expect(new sandbox.Date("2030-01-01T00:00:00Z").toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(new RealDate(after).getTime()).toBe(after);
  });
});
