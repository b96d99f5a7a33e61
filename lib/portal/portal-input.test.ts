import { describe, expect, it } from "vitest";
import { ZPortalSessionInput, ZPortalSettingsInput } from "./portal-input";

const firstIssue = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues[0];

describe("portal settings", () => {
  it("keeps origins as origins and the colour in lower case", () => {
    const parsed = ZPortalSettingsInput.parse({
      allowedOrigins: ["https://ats.example.com/", "http://localhost:5173"],
      accentColor: "#2557A7",
    });
    expect(parsed).toEqual({
      allowedOrigins: ["https://ats.example.com", "http://localhost:5173"],
      accentColor: "#2557a7",
    });
  });

  it.each([
    ["https://ats.example.com/jobs", "no path"],
    ["ftp://ats.example.com", "https://"],
    ["http://ats.example.com", "http:// only for localhost"],
    ["https://*.example.com", "wildcard"],
    ["https://user:pw@ats.example.com", "credentials"],
    ["ats.example.com", "origin such as"],
    ["'none'", "origin such as"],
  ])("refuses %s as an allowed origin, naming the entry", (origin, words) => {
    const issue = firstIssue(ZPortalSettingsInput.safeParse({ allowedOrigins: [origin] }));
    expect(issue?.path).toEqual(["allowedOrigins", 0]);
    expect(issue?.message).toContain(words);
  });

  it.each(["blue", "#25a", "#2557a7ff", "rgb(0,0,0)", "#2557a7;background:url(x)"])(
    "refuses %s as the accent colour",
    (accentColor) => {
      const issue = firstIssue(ZPortalSettingsInput.safeParse({ allowedOrigins: ["https://a.example"], accentColor }));
      expect(issue?.path).toEqual(["accentColor"]);
    },
  );

  it("needs at least one origin", () => {
    expect(firstIssue(ZPortalSettingsInput.safeParse({ allowedOrigins: [] }))?.path).toEqual(["allowedOrigins"]);
  });
});

describe("portal sessions", () => {
  const user = { id: "ats-user-17", name: "Hannah Hirer" };

  it("defaults to a hirer on /pipelines for 600 seconds", () => {
    expect(ZPortalSessionInput.parse({ user })).toMatchObject({
      role: "hirer",
      page: "/pipelines",
      expiresInSeconds: 600,
    });
  });

  it.each([
    [{ expiresInSeconds: 59 }, ["expiresInSeconds"]],
    [{ expiresInSeconds: 604_801 }, ["expiresInSeconds"]],
    [{ expiresInSeconds: 600.5 }, ["expiresInSeconds"]],
    [{ expiresInSeconds: "600" }, ["expiresInSeconds"]],
    [{ role: "admin" }, ["role"]],
    [{ page: "/admin/users" }, ["page"]],
    [{ page: "/deliveries" }, ["page"]],
    [{ page: "https://evil.example/pipelines" }, ["page"]],
    [{ page: "//evil.example" }, ["page"]],
    [{ user: { id: "a/b", name: "x" } }, ["user", "id"]],
    [{ user: { id: "", name: "x" } }, ["user", "id"]],
    [{ user: { id: "u1", name: " " } }, ["user", "name"]],
    [{ user: { id: "u1", name: "x", email: "not an email" } }, ["user", "email"]],
  ])("refuses %j, naming the field", (change, path) => {
    const issue = firstIssue(ZPortalSessionInput.safeParse({ user, ...change }));
    expect(issue?.path).toEqual(path);
  });

  it("accepts the bounds: 60 seconds and 7 days", () => {
    expect(ZPortalSessionInput.safeParse({ user, expiresInSeconds: 60 }).success).toBe(true);
    expect(ZPortalSessionInput.safeParse({ user, expiresInSeconds: 604_800 }).success).toBe(true);
  });
});
