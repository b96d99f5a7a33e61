import { describe, expect, it } from "vitest";
import { maxInFlightFor } from "./in-flight-limit";

describe("maxInFlightFor", () => {
  it("in flight per destination defaults to four batches", () => {
    expect(maxInFlightFor(undefined, 100)).toBe(400);
    expect(maxInFlightFor({ maxInFlight: 7 }, 100)).toBe(7);
  });
});
