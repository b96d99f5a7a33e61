import { describe, expect, it } from "vitest";
import { groupLogSearch, groupStatus } from "./group-status";

const at = new Date("2026-11-23T10:00:00Z");
const before = new Date("2026-11-23T09:00:00Z");
const after = new Date("2026-11-23T11:00:00Z");

describe("groupStatus", () => {
  it("a group nobody marked is open", () => {
    expect(groupStatus(null, before)).toBe("open");
  });

  it("an acknowledged group stays acknowledged while it keeps failing", () => {
    expect(groupStatus({ status: "acknowledged", at, byLabel: "a" }, after)).toBe("acknowledged");
  });

  it("a resolved group stays resolved while nothing failed after it was resolved", () => {
    expect(groupStatus({ status: "resolved", at, byLabel: "a" }, before)).toBe("resolved");
  });

  it("a resolved group that fails again afterwards is open again", () => {
    expect(groupStatus({ status: "resolved", at, byLabel: "a" }, after)).toBe("open");
  });
});

describe("groupLogSearch", () => {
  const group = { organizationId: "o1", channel: "seek-signal", errorCode: "SEEK_5XX" };

  it("links to the group's rows, with their state when they share one", () => {
    expect(groupLogSearch({ ...group, failed: 3, dead: 0 })).toEqual({
      ...{ organization: "o1", channel: "seek-signal", error: "SEEK_5XX" },
      state: "failed",
    });
    expect(groupLogSearch({ ...group, failed: 0, dead: 2 }).state).toBe("dead");
  });

  it("leaves the state out when the group holds failed and dead rows", () => {
    expect(groupLogSearch({ ...group, failed: 1, dead: 1 }).state).toBeUndefined();
  });
});
