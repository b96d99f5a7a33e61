// An ATS user in the embedded portal: a hirer of exactly one organization, acting as "portal:<session>",
// and read-only when the ATS opened the portal as a viewer.
import { describe, expect, it } from "vitest";
import { scopeFor } from "../data/scope";
import { portalSessionUser } from "./portal-user";
import { assertAdmin, assertCanChange, canChange } from "./roles";

const session = (role: "hirer" | "viewer") => ({
  sessionId: "cmportal1",
  role,
  atsUser: { id: "ats-user-17", name: "Hannah Hirer", email: null },
  organization: { id: "o1", slug: "acme", name: "Acme" },
  accentColor: "#2557a7",
  allowedOrigins: ["https://ats.example.com"],
});

describe("a portal session as a user", () => {
  it("is scoped to its organization and acts as the portal session, never as a Signalhouse user", () => {
    const scope = scopeFor(portalSessionUser(session("hirer")));
    expect(scope).toEqual({ kind: "organization", organizationId: "o1", actor: "portal:cmportal1", actorUserId: null });
  });

  it("is never an admin", () => {
    expect(() => assertAdmin(portalSessionUser(session("hirer")))).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
  });

  it("a viewer cannot change anything; a hirer can", () => {
    const viewer = portalSessionUser(session("viewer"));
    expect(canChange(viewer)).toBe(false);
    expect(() => assertCanChange(viewer)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    const hirer = portalSessionUser(session("hirer"));
    expect(canChange(hirer)).toBe(true);
    expect(assertCanChange(hirer)).toBe(hirer);
  });
});
