import { describe, expect, it } from "vitest";
import { DELIVERY_LIST_SEARCH_KEYS, deliveryListSearch } from "./delivery-list-search";
import { FILTER_KEYS } from "./delivery-log-filter";

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

describe("the log's URL and its filter schema", () => {
  it("name the same filters, so a link can set every filter the page reads and nothing it would refuse", () => {
    expect(DELIVERY_LIST_SEARCH_KEYS.filter((key) => key !== "cursor").sort()).toEqual([...FILTER_KEYS].sort());
  });

  it("writes one webhook's failed sends as the organization page links to them", () => {
    expect(
      deliveryListSearch({ organization: "org_1", channel: "webhook", webhook: "ops prod", state: "failed" }),
    ).toBe("?organization=org_1&channel=webhook&state=failed&webhook=ops+prod");
  });
});
