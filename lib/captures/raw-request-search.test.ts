import { describe, expect, it } from "vitest";
import { RAW_URL_HEADER, rawRequestSearch } from "./raw-request-search";

describe("rawRequestSearch", () => {
  it("prefers the untouched request target the server passed on, keeping %20, + and / exactly", () => {
    const request = new Request("http://localhost/apply/P1?seek-token=a+b%2Fc%3D%3D&x=+y", {
      headers: { [RAW_URL_HEADER]: "/apply/P1?seek-token=a+b/c==&x=%20y" },
    });
    expect(rawRequestSearch(request)).toBe("?seek-token=a+b/c==&x=%20y");
  });

  it("falls back to the request URL when no raw target was passed, and is empty without a query", () => {
    expect(rawRequestSearch(new Request("http://localhost/apply/P1?a=1"))).toBe("?a=1");
    expect(
      rawRequestSearch(new Request("http://localhost/apply/P1", { headers: { [RAW_URL_HEADER]: "/apply/P1" } })),
    ).toBe("");
  });
});
