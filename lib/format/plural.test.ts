import { describe, expect, it } from "vitest";
import { plural } from "./plural";

describe("plural", () => {
  it("agrees with the count, zero included", () => {
    expect(plural(1)).toBe("1 delivery");
    expect(plural(0)).toBe("0 deliveries");
    expect(plural(2, "status", "statuses")).toBe("2 statuses");
    expect(plural(1, "status", "statuses")).toBe("1 status");
  });
});
