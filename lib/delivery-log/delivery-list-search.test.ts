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

describe("deliveryListSearch with the log's newer filters", () => {
  it("keeps the overview's ?channel=&state= links working and writes the new filters in a fixed order", () => {
    expect(deliveryListSearch({ channel: "seek-signal", state: "dead" })).toBe("?channel=seek-signal&state=dead");
    expect(
      deliveryListSearch({ q: "APP-1", kind: "HistoryCreate", from: "2026-11-23", application: "A1", cursor: "5" }),
    ).toBe("?kind=HistoryCreate&application=A1&from=2026-11-23&q=APP-1&cursor=5");
  });
});
