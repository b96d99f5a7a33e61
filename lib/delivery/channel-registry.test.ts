import { describe, expect, it } from "vitest";
import type { Channel } from "./channel";
import { createChannelRegistry } from "./channel-registry";

const channel = (name: Channel["name"], extra: Partial<Channel> = {}): Channel => ({
  name,
  maxBatch: 10,
  maxSendMs: 1_000,
  send: async () => ({ outcomes: new Map(), requests: [] }),
  ...extra,
});

describe("channel registry", () => {
  it("works with zero channels", () => {
    const registry = createChannelRegistry([]);
    expect(registry.names()).toEqual([]);
    expect(registry.get("seek-signal")).toBeUndefined();
  });

  it("finds channels by their stored name", () => {
    const registry = createChannelRegistry([channel("seek-signal"), channel("linkedin-note")]);
    expect(registry.names()).toEqual(["seek-signal", "linkedin-note"]);
    expect(registry.get("linkedin-note")?.name).toBe("linkedin-note");
  });

  it("refuses a channel registered twice, or one without sane limits", () => {
    expect(() => createChannelRegistry([channel("seek-signal"), channel("seek-signal")])).toThrow(/twice/);
    expect(() => createChannelRegistry([channel("seek-signal", { maxBatch: 0 })])).toThrow(/maxBatch/);
    expect(() => createChannelRegistry([channel("seek-signal", { maxSendMs: 0 })])).toThrow(/maxSendMs/);
  });
});
