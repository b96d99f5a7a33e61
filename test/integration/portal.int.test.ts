// The embedded hirer portal (#15) through the real v1 handlers and the link route: settings, single-use
// links that start a session of one organization, ending sessions, and what is refused (bad input → 400
// naming the field; replayed, expired, forged and cross-organization links and sessions).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createSession, DELETE as endSessions } from "@/app/api/v1/portal/sessions/route";
import { PUT as putSettings } from "@/app/api/v1/portal/settings/route";
import { GET as enterPortal } from "@/app/portal/enter/[token]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { portalSessionUser } from "@/lib/auth/portal-user";
import { scopeFor } from "@/lib/data/scope";
import { retryOwnFailedDelivery } from "@/lib/delivery-log/retry-own-failed-delivery";
import { resetEnvCache } from "@/lib/env";
import { loadPortalSession } from "@/lib/portal/load-portal-session";
import { PORTAL_COOKIE } from "@/lib/portal/portal-cookie";
import { portalKey } from "@/lib/portal/portal-key";
import { linkToken, openPortalCookie, sessionIdFromLinkToken } from "@/lib/portal/portal-tokens";
import { redeemPortalLink } from "@/lib/portal/redeem-portal-link";
import { readRecordDeliveries } from "@/lib/read-back/record-deliveries";
import { type ApiHarness, call, openApiHarness } from "../support/api-harness";
import { addDeliveries } from "../support/delivery-fixtures";
import { databasesUnderTest } from "../support/test-databases";

const SETTINGS = { allowedOrigins: ["https://ats.example.com", "http://localhost:4000"], accentColor: "#2557A7" };
const HANNAH = { id: "ats-user-17", name: "Hannah Hirer", email: "hannah@acme.example" };

describe.each(databasesUnderTest())("embedded hirer portal on %s", (kind) => {
  let h: ApiHarness;
  let otherKey = "";

  const newLink = async (body: Record<string, unknown> = {}, key?: string) =>
    call(createSession, { path: "/api/v1/portal/sessions", body: { user: HANNAH, ...body }, key });
  const tokenOf = (url: string) => new URL(url).pathname.split("/").pop() ?? "";
  const enter = (token: string) =>
    enterPortal(new Request(`http://localhost/portal/enter/${token}`), { params: Promise.resolve({ token }) });

  beforeAll(async () => {
    h = await openApiHarness(kind);
    process.env.SIGNALHOUSE_PUBLIC_URL = "https://signalhouse.example";
    process.env.AUTH_SECRET = "portal-test-auth-secret-0123456789";
    resetEnvCache();
    const admin = await h.prisma.user.create({
      data: { email: "admin@example.test", name: "Admin", role: "admin", passwordHash: "x" },
    });
    const other = await h.prisma.organization.create({ data: { slug: "other", name: "Other" } });
    otherKey = (
      await createApiKey(h.prisma, scopeFor({ id: admin.id, role: "admin", organizationId: null }), {
        organizationId: other.id,
        name: "other",
      })
    ).key;
  });
  afterAll(async () => {
    delete process.env.SIGNALHOUSE_PUBLIC_URL;
    delete process.env.AUTH_SECRET;
    resetEnvCache();
    await h?.close();
  });

  it("refuses a link before the organization has said who may frame the portal", async () => {
    const refused = await newLink();
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain("PUT /api/v1/portal/settings");
    expect(await h.prisma.portalSession.count()).toBe(0);
  });

  it("PUT /portal/settings stores origins and colour, and refuses bad ones naming the field", async () => {
    const saved = await call(putSettings, { method: "PUT", path: "/api/v1/portal/settings", body: SETTINGS });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ allowedOrigins: SETTINGS.allowedOrigins, accentColor: "#2557a7" });

    const badOrigin = await call(putSettings, {
      method: "PUT",
      path: "/api/v1/portal/settings",
      body: { allowedOrigins: ["https://ats.example.com/jobs"] },
    });
    expect(badOrigin.status).toBe(400);
    expect(badOrigin.body.error.code).toBe("VALIDATION_FAILED");
    expect(badOrigin.body.error.message).toContain("body.allowedOrigins.0");
    const badColour = await call(putSettings, {
      method: "PUT",
      path: "/api/v1/portal/settings",
      body: { allowedOrigins: ["https://ats.example.com"], accentColor: "red" },
    });
    expect(badColour.status).toBe(400);
    expect(badColour.body.error.message).toContain("body.accentColor");
    const stored = await h.prisma.portalSettings.findUniqueOrThrow({ where: { organizationId: h.organizationId } });
    expect(stored.accentColor).toBe("#2557a7");
  });

  it("POST /portal/sessions answers 201 with a link on the public origin that expires when asked", async () => {
    const before = Date.now();
    const created = await newLink({ role: "hirer", page: "/pipelines", expiresInSeconds: 120 });
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^https:\/\/signalhouse\.example\/portal\/enter\/[a-z0-9]+\.[\w-]+$/);
    const expiresAt = Date.parse(created.body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 120_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 120_000);
    const audit = await h.prisma.auditLog.findFirstOrThrow({ where: { action: "portal_session.create" } });
    expect(audit).toMatchObject({ organizationId: h.organizationId, actor: "apikey:bootstrap" });
  });

  it.each([
    [{ expiresInSeconds: 30 }, "body.expiresInSeconds"],
    [{ expiresInSeconds: 8 * 24 * 3600 }, "body.expiresInSeconds"],
    [{ role: "admin" }, "body.role"],
    [{ page: "/admin/users" }, "body.page"],
    [{ user: { id: "has space", name: "X" } }, "body.user.id"],
    [{ user: { name: "X" } }, "body.user.id"],
  ])("refuses %j with 400 naming %s", async (change, field) => {
    const before = await h.prisma.portalSession.count();
    const refused = await newLink(change);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(field);
    expect(await h.prisma.portalSession.count()).toBe(before);
  });

  it("a repeat with the same Idempotency-Key answers the same link and makes no second session", async () => {
    const headers = { "idempotency-key": "portal-once" };
    const body = { user: HANNAH, role: "viewer" };
    const first = await call(createSession, { path: "/api/v1/portal/sessions", body, headers });
    const again = await call(createSession, { path: "/api/v1/portal/sessions", body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const record = await h.prisma.idempotencyRecord.findFirstOrThrow({ where: { key: "portal-once" } });
    // the stored answer names the session only: the link's token is never stored
    expect(JSON.stringify(record.responseBody)).not.toContain(tokenOf(first.body.url));
  });

  it("the link opens once: a partitioned session cookie of 12 hours, then a page saying it was used", async () => {
    const created = await newLink({ page: "/positions/JOB-1" });
    const token = tokenOf(created.body.url);
    const first = await enter(token);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/positions/JOB-1");
    const cookie = first.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^${PORTAL_COOKIE}=`));
    for (const attribute of ["HttpOnly", "Secure", "SameSite=None", "Partitioned", "Path=/", "Max-Age=43200"]) {
      expect(cookie).toContain(attribute);
    }
    const claims = openPortalCookie(portalKey(), cookie.split(";")[0]!.split("=")[1]!, Date.now());
    expect(claims?.origins).toEqual(SETTINGS.allowedOrigins);
    const session = await loadPortalSession(h.prisma, claims!.sessionId, new Date());
    expect(session).toMatchObject({ role: "hirer", atsUser: HANNAH, organization: { id: h.organizationId } });

    const second = await enter(token);
    expect(second.status).toBe(410);
    const page = await second.text();
    expect(page).toContain("already been used");
    expect(page).toContain("Ask your ATS to open Signalhouse again.");
    expect(second.headers.get("set-cookie")).toBeNull();
    expect(second.headers.get("content-security-policy")).toBe(`frame-ancestors ${SETTINGS.allowedOrigins.join(" ")}`);

    const started = await h.prisma.auditLog.findFirstOrThrow({ where: { action: "portal_session.start" } });
    expect(started.actor).toBe(`portal:${claims!.sessionId}`);
    expect(started.details).toMatchObject({ atsUserId: HANNAH.id, atsUserName: HANNAH.name });
  });

  it("two visits racing for one link: exactly one session starts", async () => {
    const created = await newLink();
    const token = tokenOf(created.body.url);
    const answers = await Promise.all([enter(token), enter(token), enter(token)]);
    expect(answers.map((a) => a.status).sort()).toEqual([303, 410, 410]);
  });

  it("an expired link shows that it expired, with one clock: its expiry", async () => {
    const created = await newLink({ expiresInSeconds: 60 });
    const sessionId = sessionIdFromLinkToken(portalKey(), tokenOf(created.body.url))!;
    const at = new Date(Date.parse(created.body.expiresAt));
    expect(await redeemPortalLink(h.prisma, sessionId, at)).toMatchObject({ ok: false, reason: "expired" });
    const before = new Date(at.getTime() - 1);
    expect(await redeemPortalLink(h.prisma, sessionId, before)).toMatchObject({ ok: true });
  });

  it("the session ends after 12 hours, measured from when the link was opened", async () => {
    const created = await newLink();
    const sessionId = sessionIdFromLinkToken(portalKey(), tokenOf(created.body.url))!;
    const opened = new Date(Date.parse(created.body.expiresAt) - 300_000);
    const redeemed = await redeemPortalLink(h.prisma, sessionId, opened);
    expect(redeemed.ok && redeemed.expiresAt.getTime() - opened.getTime()).toBe(12 * 3600 * 1000);
    expect(
      await loadPortalSession(h.prisma, sessionId, new Date(opened.getTime() + 12 * 3600 * 1000 - 1)),
    ).not.toBeNull();
    expect(await loadPortalSession(h.prisma, sessionId, new Date(opened.getTime() + 12 * 3600 * 1000))).toBeNull();
  });

  it("a forged token, or one signed with another server's key, shows 'not valid' without touching a session", async () => {
    const created = await newLink();
    const token = tokenOf(created.body.url);
    const [sessionId] = token.split(".");
    const forged = await enter(`${sessionId}.${"A".repeat(43)}`);
    expect(forged.status).toBe(404);
    expect(await forged.text()).toContain("not valid");
    const unknownButSigned = await enter(linkToken(portalKey(), "cmnosuchsession0000000000"));
    expect(unknownButSigned.status).toBe(404);
    expect((await h.prisma.portalSession.findUniqueOrThrow({ where: { id: sessionId! } })).usedAt).toBeNull();
  });

  it("DELETE /portal/sessions?userId= ends that user's sessions in the caller's organization only", async () => {
    const created = await newLink();
    const first = await enter(tokenOf(created.body.url));
    const sessionId = openPortalCookie(
      portalKey(),
      (first.headers.get("set-cookie") ?? "").split(";")[0]!.split("=")[1]!,
      Date.now(),
    )!.sessionId;
    expect(await loadPortalSession(h.prisma, sessionId, new Date())).not.toBeNull();

    // another organization's key names the same ATS user id: nothing of ours ends, and it learns nothing
    const theirs = await call(endSessions, {
      method: "DELETE",
      path: `/api/v1/portal/sessions?userId=${HANNAH.id}`,
      key: otherKey,
    });
    expect(theirs.status).toBe(200);
    expect(theirs.body).toEqual({ ended: 0 });
    expect(await loadPortalSession(h.prisma, sessionId, new Date())).not.toBeNull();

    const ours = await call(endSessions, { method: "DELETE", path: `/api/v1/portal/sessions?userId=${HANNAH.id}` });
    expect(ours.status).toBe(200);
    expect(ours.body.ended).toBeGreaterThan(0);
    expect(await loadPortalSession(h.prisma, sessionId, new Date())).toBeNull();

    const missing = await call(endSessions, { method: "DELETE", path: "/api/v1/portal/sessions" });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain("query.userId");
  });

  it("another organization's key cannot open a session of ours, nor learn that it exists", async () => {
    const theirs = await newLink({}, otherKey);
    // they have no portal settings: the same answer any organization without settings gets
    expect(theirs.status).toBe(422);
    const unauthenticated = await call(createSession, {
      path: "/api/v1/portal/sessions",
      body: { user: HANNAH },
      key: null,
    });
    expect(unauthenticated.status).toBe(401);
  });

  it("a portal hirer retries their organization's failed deliveries, never another's nor one that did not fail", async () => {
    const created = await newLink();
    const first = await enter(tokenOf(created.body.url));
    const cookie = (first.headers.get("set-cookie") ?? "").split(";")[0]!.split("=")[1]!;
    const session = await loadPortalSession(
      h.prisma,
      openPortalCookie(portalKey(), cookie, Date.now())!.sessionId,
      new Date(),
    );
    const scope = scopeFor(portalSessionUser(session!));

    const [ours, pending] = await addDeliveries(h.prisma, h.organizationId, [{}, {}]);
    const other = await h.prisma.organization.findFirstOrThrow({ where: { slug: "other" } });
    const [theirs] = await addDeliveries(h.prisma, other.id, [{}]);
    await h.prisma.delivery.updateMany({ where: { id: { in: [ours!, theirs!] } }, data: { state: "failed" } });

    await expect(retryOwnFailedDelivery(h.prisma, scope, theirs!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(retryOwnFailedDelivery(h.prisma, scope, pending!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await h.prisma.delivery.findUniqueOrThrow({ where: { id: theirs! } })).state).toBe("failed");

    // what the live table reads: their organization and their position read as not found
    const theirPosition = await h.prisma.position.create({
      data: {
        organizationId: other.id,
        externalId: "THEIRS",
        title: "Theirs",
        applyUrl: "https://other.example/apply",
      },
    });
    await h.prisma.delivery.update({ where: { id: theirs! }, data: { positionId: theirPosition.id } });
    await expect(readRecordDeliveries(h.prisma, scope, { org: "other", positionId: "THEIRS" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(readRecordDeliveries(h.prisma, scope, { org: "default", positionId: "THEIRS" })).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );

    await retryOwnFailedDelivery(h.prisma, scope, ours!);
    expect((await h.prisma.delivery.findUniqueOrThrow({ where: { id: ours! } })).state).toBe("pending");
    const audit = await h.prisma.auditLog.findFirstOrThrow({
      where: { action: "delivery.retry_now", targetId: ours! },
    });
    expect(audit).toMatchObject({ actor: scope.actor, actorUserId: null, organizationId: h.organizationId });
  });
});
