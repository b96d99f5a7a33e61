import { describe, expect, it } from "vitest";
import { WakeLatch } from "./wake-latch";

describe("WakeLatch", () => {
  it("a wake-up that arrives while the worker is busy is kept for its next sleep", async () => {
    const latch = new WakeLatch();
    latch.set();
    expect(await latch.wait(60_000, new AbortController().signal)).toBe("wake");
  });

  it("wakes a sleeping worker", async () => {
    const latch = new WakeLatch();
    const waiting = latch.wait(60_000, new AbortController().signal);
    latch.set();
    expect(await waiting).toBe("wake");
  });

  it("stops sleeping when the worker is told to stop", async () => {
    const latch = new WakeLatch();
    const stop = new AbortController();
    const waiting = latch.wait(60_000, stop.signal);
    stop.abort();
    expect(await waiting).toBe("abort");
  });

  it("runs out when nothing happens", async () => {
    expect(await new WakeLatch().wait(1, new AbortController().signal)).toBe("timer");
  });

  it("clear forgets a wake-up the coming work covers", async () => {
    const latch = new WakeLatch();
    latch.set();
    latch.clear();
    expect(await latch.wait(1, new AbortController().signal)).toBe("timer");
  });
});
