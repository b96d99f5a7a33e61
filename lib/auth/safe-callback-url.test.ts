import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInPath } from "./safe-callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/admin/users", "/admin/users"],
    ["/admin/api-keys?organization=abc#keys", "/admin/api-keys?organization=abc#keys"],
    ["/positions/%2F%2Fevil", "/positions/%2F%2Fevil"],
  ])("keeps the same-origin relative path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/admin",
    "http://127.0.0.1:3301/admin",
    "//evil.example/admin",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "admin/users",
    "",
    "/signin",
    "/signin?callbackUrl=/admin",
    "/api/auth/signout",
    "/admin/../..//evil.example",
    "/./..//evil.example/x",
  ])("never accepts %j, which could leave this host or loop: falls back to /", (input) => {
    expect(safeCallbackPath(input)).toBe("/");
  });

  it("refuses an overlong value", () => {
    expect(safeCallbackPath(`/${"a".repeat(3000)}`)).toBe("/");
  });

  it("falls back for anything that is not a string (e.g. a repeated query parameter)", () => {
    expect(safeCallbackPath(["/a", "/b"])).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(undefined, "/positions")).toBe("/positions");
  });

  it("normalises harmless dot segments", () => {
    expect(safeCallbackPath("/admin/users/../api-keys")).toBe("/admin/api-keys");
  });
});

describe("signInPath", () => {
  it("carries a safe return path as an encoded callbackUrl", () => {
    expect(signInPath("/admin/api-keys?organization=x")).toBe(
      "/signin?callbackUrl=%2Fadmin%2Fapi-keys%3Forganization%3Dx",
    );
  });

  it("drops an unsafe or trivial return path", () => {
    expect(signInPath("https://evil.example")).toBe("/signin");
    expect(signInPath("/")).toBe("/signin");
    expect(signInPath()).toBe("/signin");
  });
});
