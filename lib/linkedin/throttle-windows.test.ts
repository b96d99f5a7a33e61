import { describe, expect, it } from "vitest";
import {
  dayWindow,
  nextMinute,
  nextUtcMidnight,
  secondBucket,
  slidingMinuteFreeAt,
  slidingMinuteKeys,
} from "./throttle-windows";

const at = new Date("2026-11-23T23:59:42.123Z");
const second = (iso: string) => Date.parse(iso) / 1000;

describe("throttle windows", () => {
  it("counts records per UTC second, keyed by client id and epoch second", () => {
    expect(secondBucket("cid", at)).toEqual({
      key: `linkedin:cid:second:${second("2026-11-23T23:59:42Z")}`,
      start: new Date("2026-11-23T23:59:42.000Z"),
    });
  });

  it("the sliding minute at t is the current second and the 60 before it (and, for skewed clocks, the 60 after)", () => {
    const keys = slidingMinuteKeys("cid", at);
    expect(keys).toHaveLength(121);
    expect(keys[0]).toBe(`linkedin:cid:second:${second("2026-11-23T23:58:42Z")}`);
    expect(keys[60]).toBe(`linkedin:cid:second:${second("2026-11-23T23:59:42Z")}`);
    expect(keys.at(-1)).toBe(`linkedin:cid:second:${second("2026-11-24T00:00:42Z")}`);
  });

  it("a full sliding minute frees up 61 s after the oldest second whose leaving makes room", () => {
    const seconds = [
      { start: new Date("2026-11-23T10:00:59Z"), count: 30 },
      { start: new Date("2026-11-23T10:00:10Z"), count: 40 },
      { start: new Date("2026-11-23T10:01:05Z"), count: 10 },
    ];
    expect(slidingMinuteFreeAt(seconds, 20, 100)).toBeNull();
    expect(slidingMinuteFreeAt(seconds, 21, 100)).toEqual(new Date("2026-11-23T10:01:11Z"));
    expect(slidingMinuteFreeAt(seconds, 61, 100)).toEqual(new Date("2026-11-23T10:02:00Z"));
    expect(slidingMinuteFreeAt(seconds, 100, 100)).toEqual(new Date("2026-11-23T10:02:06Z"));
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
