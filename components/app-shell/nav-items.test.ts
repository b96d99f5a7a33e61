import { describe, expect, it } from "vitest";
import { activeNavHref, navItemsFor } from "./nav-items";

describe("navigation by role", () => {
  it("shows admins the admin pages as well as the working pages", () => {
    expect(navItemsFor("admin").map((i) => i.label)).toEqual([
      "Overview",
      "Organizations",
      "Users",
      "API keys",
      "Deliveries",
      "Failures",
      "Pipelines",
      "Positions",
    ]);
  });

  it("shows hirers only pipelines and positions: no deliveries internals, keys or users", () => {
    expect(navItemsFor("hirer").map((i) => i.href)).toEqual(["/pipelines", "/positions"]);
  });

  it("highlights the page's own item, or its parent's for a nested page", () => {
    const items = navItemsFor("admin");
    expect(activeNavHref(items, "/")).toBe("/");
    expect(activeNavHref(items, "/admin/organizations/abc")).toBe("/admin/organizations");
    expect(activeNavHref(items, "/admin/users")).toBe("/admin/users");
    expect(activeNavHref(items, "/elsewhere")).toBeUndefined();
  });
});
