import { describe, expect, it } from "vitest";
import { findUnstorableText } from "./find-unstorable-text";

describe("findUnstorableText", () => {
  it("finds U+0000 in a nested value and names its path", () => {
    expect(findUnstorableText({ candidate: { given: "T\u0000" } })).toEqual({
      path: "candidate.given",
      message: expect.stringContaining("U+0000"),
    });
  });

  it("finds an unpaired surrogate, high or low, in an array item", () => {
    expect(findUnstorableText({ ids: ["ok", "a\uD800b"] })?.path).toBe("ids.1");
    expect(findUnstorableText({ title: "\uDC00" })?.message).toContain("surrogate");
  });

  it("finds it in an object key", () => {
    expect(findUnstorableText({ "k\u0000": 1 })?.path).toBe("k\u0000");
  });

  it("accepts emoji (surrogate pairs), other control characters and non-Latin text", () => {
    expect(findUnstorableText({ title: "面接 🎉 \t\u0001 café", n: 1, b: null, list: [true] })).toBeUndefined();
  });
});

describe("findUnstorableText on hostile shapes", () => {
  it("walks a 100,000-deep array without overflowing the stack", () => {
    const depth = 100_000;
    const deep = JSON.parse(`${"[".repeat(depth)}"\\u0000"${"]".repeat(depth)}`);
    expect(findUnstorableText(deep)?.message).toContain("U+0000");
  });
});
