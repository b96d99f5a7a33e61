import { describe, expect, it } from "vitest";
import { assertAdmin, assertSignedIn } from "./roles";
import type { TSessionUser } from "./session-user";

const admin: TSessionUser = {
  id: "u1",
  email: "a@example.test",
  name: "A",
  role: "admin",
  organizationId: null,
  organization: null,
};
const hirer: TSessionUser = {
  id: "u2",
  email: "h@example.test",
  name: "H",
  role: "hirer",
  organizationId: "o1",
  organization: { id: "o1", slug: "acme", name: "Acme" },
};

describe("action guards", () => {
  it("refuse an anonymous caller with UNAUTHENTICATED", () => {
    expect(() => assertSignedIn(null)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    expect(() => assertAdmin(null)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
  });

  it("refuse a hirer on admin actions with FORBIDDEN", () => {
    expect(() => assertAdmin(hirer)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("let a signed-in user through, and an admin through admin actions", () => {
    expect(assertSignedIn(hirer)).toBe(hirer);
    expect(assertAdmin(admin)).toBe(admin);
  });
});
