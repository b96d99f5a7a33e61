import { describe, expect, it } from "vitest";
import { frameAncestors, isPortalPagePath } from "./portal-framing";

describe("which pages the portal may show framed", () => {
  it.each(["/pipelines", "/pipelines/std", "/positions", "/positions/JOB-1", "/applications/APP-1"])(
    "%s is a portal page",
    (path) => expect(isPortalPagePath(path)).toBe(true),
  );
  it.each([
    "/",
    "/admin/users",
    "/deliveries",
    "/deliveries/d1",
    "/signin",
    "/setup",
    "/pipelines/a/b",
    "/api/v1/pipelines",
  ])("%s is never framed", (path) => expect(isPortalPagePath(path)).toBe(false));
});

describe("frame-ancestors", () => {
  it("names the allowed origins, or 'none' when there are none", () => {
    expect(frameAncestors(["https://ats.example.com", "http://localhost:3000"])).toBe(
      "frame-ancestors https://ats.example.com http://localhost:3000",
    );
    expect(frameAncestors(null)).toBe("frame-ancestors 'none'");
    expect(frameAncestors([])).toBe("frame-ancestors 'none'");
  });

  it("drops anything that could break out of the directive", () => {
    expect(frameAncestors(["https://a.example; script-src *", "*"])).toBe("frame-ancestors 'none'");
  });
});
