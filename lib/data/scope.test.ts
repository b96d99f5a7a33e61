import { describe, expect, it } from "vitest";
import type { TSessionUser } from "../auth/session-user";
import {
  canSeeOrganization,
  inScope,
  narrowToOrganization,
  organizationForWrite,
  organizationsInScope,
  scopeFor,
  scopeForApiKey,
} from "./scope";

const admin: TSessionUser = {
  id: "admin1",
  email: "a@example.test",
  name: "A",
  role: "admin",
  organizationId: null,
  organization: null,
};
const hirer: TSessionUser = {
  id: "hirer1",
  email: "h@example.test",
  name: "H",
  role: "hirer",
  organizationId: "orgA",
  organization: { id: "orgA", slug: "a", name: "A" },
};

describe("tenancy scope", () => {
  it("gives an admin every organization and a hirer only their own", () => {
    expect(scopeFor(admin)).toEqual({ kind: "all", actor: "user:admin1", actorUserId: "admin1" });
    expect(scopeFor(hirer)).toEqual({
      kind: "organization",
      organizationId: "orgA",
      actor: "user:hirer1",
      actorUserId: "hirer1",
    });
  });

  it("gives an API key exactly its organization", () => {
    expect(scopeForApiKey({ organizationId: "orgB", apiKeyId: "bootstrap" })).toMatchObject({
      kind: "organization",
      organizationId: "orgB",
      actor: "apikey:bootstrap",
    });
  });

  it("puts the hirer's organizationId in every where", () => {
    const scope = scopeFor(hirer);
    expect(inScope(scope, { id: "x" })).toEqual({ id: "x", organizationId: "orgA" });
    expect(inScope(scope, { id: "x", organizationId: "orgA" })).toEqual({ id: "x", organizationId: "orgA" });
    expect(inScope(scope)).toEqual({ organizationId: "orgA" });
    expect(organizationsInScope(scope, { slug: "b" })).toEqual({ slug: "b", id: "orgA" });
  });

  it("ANDs the scope with another organization the caller named, so it matches nothing (not the own rows)", () => {
    const scope = scopeFor(hirer);
    expect(inScope(scope, { id: "x", organizationId: "orgB" })).toEqual({
      id: "x",
      organizationId: "orgB",
      AND: [{ organizationId: "orgA" }],
    });
    expect(inScope(scope, { organizationId: { in: ["orgB"] }, AND: { title: "t" } })).toEqual({
      organizationId: { in: ["orgB"] },
      AND: [{ title: "t" }, { organizationId: "orgA" }],
    });
    expect(organizationsInScope(scope, { id: "orgB" })).toEqual({ id: "orgB", AND: [{ id: "orgA" }] });
  });

  it("leaves an admin's where as written", () => {
    const scope = scopeFor(admin);
    expect(inScope(scope, { id: "x" })).toEqual({ id: "x" });
    expect(inScope(scope, { organizationId: "orgB" })).toEqual({ organizationId: "orgB" });
    expect(organizationsInScope(scope)).toEqual({});
  });

  it("answers another organization's id from a hirer as NOT_FOUND, never as FORBIDDEN", () => {
    const scope = scopeFor(hirer);
    expect(canSeeOrganization(scope, "orgB")).toBe(false);
    expect(() => narrowToOrganization(scope, "orgB")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => organizationForWrite(scope, "orgB")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(organizationForWrite(scope)).toBe("orgA");
  });

  it("lets an admin narrow to any organization, and requires one for writes", () => {
    const scope = scopeFor(admin);
    expect(narrowToOrganization(scope, "orgB")).toMatchObject({ kind: "organization", organizationId: "orgB" });
    expect(organizationForWrite(scope, "orgB")).toBe("orgB");
    expect(() => organizationForWrite(scope)).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
  });
});
