import { describe, expect, it } from "vitest";
import { deliveryListSearch } from "./delivery-list-search";

describe("deliveryListSearch", () => {
  it("writes the filters in a fixed order and leaves out empty ones, so equal views share one URL", () => {
    expect(deliveryListSearch({ state: "failed", channel: "seek-signal", organization: "" })).toBe(
      "?channel=seek-signal&state=failed",
    );
    expect(deliveryListSearch({})).toBe("");
  });

  it("applies changes, where undefined removes a filter (a new filter starts again from the newest page)", () => {
    const current = { channel: "linkedin-note", cursor: "120" };
    expect(deliveryListSearch(current, { state: "dead", cursor: undefined })).toBe("?channel=linkedin-note&state=dead");
    expect(deliveryListSearch(current, { channel: undefined })).toBe("?cursor=120");
  });
});
