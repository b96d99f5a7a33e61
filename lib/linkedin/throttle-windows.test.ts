import { describe, expect, it } from "vitest";
import { dayWindow, minuteWindow, nextMinute, nextUtcMidnight } from "./throttle-windows";

const at = new Date("2026-11-23T23:59:42.123Z");

describe("throttle windows", () => {
  it("counts records in clock minutes, keyed by client id and minute", () => {
    expect(minuteWindow("cid", at)).toEqual({
      key: "linkedin:cid:minute:2026-11-23T23:59",
      start: new Date("2026-11-23T23:59:00.000Z"),
      end: new Date("2026-11-24T00:00:00.000Z"),
      label: "2026-11-23T23:59",
    });
  });

  it("counts requests in UTC days that reset at midnight UTC", () => {
    expect(dayWindow("cid", at)).toMatchObject({
      key: "linkedin:cid:day:2026-11-23",
      start: new Date("2026-11-23T00:00:00.000Z"),
      end: new Date("2026-11-24T00:00:00.000Z"),
    });
    expect(nextUtcMidnight(at)).toEqual(new Date("2026-11-24T00:00:00.000Z"));
    expect(nextMinute(new Date("2026-11-23T10:05:00.000Z"))).toEqual(new Date("2026-11-23T10:06:00.000Z"));
  });
});
