// Partner keys and provisioning (api-v1.md "Partner keys and provisioning"): the partner creates and
// updates organizations, reads them back without secrets, mints and revokes their keys; organization keys
// get 403 on these routes and partner keys 403 on organization routes; everything is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as revokeKeyRoute } from "@/app/api/v1/organizations/[slug]/api-keys/[apiKeyId]/route";
import { POST as mintKeyRoute } from "@/app/api/v1/organizations/[slug]/api-keys/route";
import { GET as getOrganizationRoute, PUT as putOrganizationRoute } from "@/app/api/v1/organizations/[slug]/route";
import { GET as listOrganizationsRoute } from "@/app/api/v1/organizations/route";
import { PUT as putPosition } from "@/app/api/v1/positions/[positionId]/route";
import { resetEnvCache } from "@/lib/env";
import { createPartnerKey } from "@/lib/partner-keys/create-partner-key";
import { revokePartnerKey } from "@/lib/partner-keys/revoke-partner-key";
import { type ApiHarness, BOOTSTRAP_KEY, call, openApiHarness } from "../support/api-harness";
import { databasesUnderTest } from "../support/test-databases";

const ENV_PARTNER_KEY = "sh_partner_env_key_for_tests_0123456789";
const SECRET = "linkedin-client-secret-never-shown-42";

const acme = {
  name: "Acme Recruiting",
  seekHirerId: "seekAnzPublicTest:organization:seek:93WyyF1h",
  linkedin: { integrationContext: "urn:li:organization:1", clientId: "li-client-1", clientSecret: SECRET },
};

const putOrg = (slug: string, body: unknown, key: string | null = ENV_PARTNER_KEY, headers = {}) =>
  call(putOrganizationRoute, {
    method: "PUT",
    path: `/api/v1/organizations/${slug}`,
    params: { slug },
    body,
    key,
    headers,
  });
const getOrg = (slug: string, key: string | null = ENV_PARTNER_KEY) =>
  call(getOrganizationRoute, { method: "GET", path: `/api/v1/organizations/${slug}`, params: { slug }, key });
const listOrgs = (query = "", key: string | null = ENV_PARTNER_KEY) =>
  call(listOrganizationsRoute, { method: "GET", path: `/api/v1/organizations${query}`, key });
const mintKey = (slug: string, body: unknown, key: string | null = ENV_PARTNER_KEY, headers = {}) =>
  call(mintKeyRoute, {
    path: `/api/v1/organizations/${slug}/api-keys`,
    params: { slug },
    body,
    key,
    headers,
  });
const revokeKey = (slug: string, apiKeyId: string, key: string | null = ENV_PARTNER_KEY) =>
  call(revokeKeyRoute, {
    method: "DELETE",
    path: `/api/v1/organizations/${slug}/api-keys/${apiKeyId}`,
    params: { slug, apiKeyId },
    key,
  });
const position = {
  title: "Barista",
  applyUrl: "https://ats.example.com/jobs/1/apply",
  seekPositionProfileIds: [],
};

describe.each(databasesUnderTest())("partner keys and provisioning on %s", (kind) => {
  let harness: ApiHarness;
  let adminId: string;
  /** every response body of this file, to prove no secret or minted key leaks into a later one */
  const seen: unknown[] = [];

  beforeAll(async () => {
    process.env.SIGNALHOUSE_PARTNER_API_KEY = ENV_PARTNER_KEY;
    harness = await openApiHarness(kind);
    adminId = (
      await harness.prisma.user.create({
        data: { email: "admin@example.test", name: "Admin", role: "admin", passwordHash: "x" },
      })
    ).id;
  });
  afterAll(async () => {
    delete process.env.SIGNALHOUSE_PARTNER_API_KEY;
    resetEnvCache();
    await harness.close();
  });

  it("PUT creates an organization with 201, then updates it with 200; the secret is never returned", async () => {
    const created = await putOrg("acme", acme);
    seen.push(created.body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      slug: "acme",
      name: "Acme Recruiting",
      seekHirerId: acme.seekHirerId,
      linkedin: { integrationContext: "urn:li:organization:1", clientId: "li-client-1", clientSecretSet: true },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const row = await harness.prisma.organization.findUniqueOrThrow({
      where: { slug: "acme" },
      omit: { linkedinClientSecretEnc: false },
    });
    expect(row.linkedinClientSecretEnc).toMatch(/^v1\./);
    expect(row.linkedinClientSecretEnc).not.toContain(SECRET);

    // Omitting the write-only secret keeps it; omitted settings are cleared (PUT replaces).
    const updated = await putOrg("acme", { name: "Acme Recruiting Pty", linkedin: { clientId: "li-client-2" } });
    seen.push(updated.body);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: "Acme Recruiting Pty",
      seekHirerId: null,
      linkedin: { integrationContext: null, clientId: "li-client-2", clientSecretSet: true },
    });
    expect(
      (
        await harness.prisma.organization.findUniqueOrThrow({
          where: { slug: "acme" },
          omit: { linkedinClientSecretEnc: false },
        })
      ).linkedinClientSecretEnc,
    ).toBe(row.linkedinClientSecretEnc);

    const cleared = await putOrg("acme", { ...acme, linkedin: { ...acme.linkedin, clientSecret: null } });
    expect(cleared.body.linkedin.clientSecretSet).toBe(false);
    const restored = await putOrg("acme", acme);
    expect(restored.status).toBe(200);
    expect(restored.body.linkedin.clientSecretSet).toBe(true);
  });

  it("GET reads one organization and pages through all of them by slug, without secrets", async () => {
    await putOrg("beta-hire", { name: "Beta" });
    await putOrg("zeta", { name: "Zeta" });
    const one = await getOrg("acme");
    seen.push(one.body);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ slug: "acme", linkedin: { clientSecretSet: true } });

    const first = await listOrgs("?limit=2");
    const second = await listOrgs(`?limit=2&cursor=${first.body.nextCursor}`);
    seen.push(first.body, second.body);
    expect(first.status).toBe(200);
    expect(first.body.organizations.map((o: { slug: string }) => o.slug)).toEqual(["acme", "beta-hire"]);
    expect(second.body.organizations.map((o: { slug: string }) => o.slug)).toEqual(["default", "zeta"]);
    expect(second.body.nextCursor).toBeNull();

    const missing = await getOrg("nobody");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
  });

  it("refuses bad input with 400 naming the field, and writes nothing", async () => {
    const before = await harness.prisma.organization.count();
    const cases: [Promise<{ status: number; body: any }>, string][] = [
      [putOrg("Acme", acme), "path.slug"],
      [putOrg("-acme", acme), "path.slug"],
      [putOrg("new-org", { seekHirerId: "x" }), "body.name"],
      [putOrg("new-org", { name: "New", linkedin: { clientSecret: 42 } }), "body.linkedin.clientSecret"],
      [putOrg("new-org", { name: "New", plan: "gold" }), "body"],
      [putOrg("new-org", { name: "New\u0000" }), "body.name"],
      [mintKey("acme", { name: "" }), "body.name"],
      [listOrgs("?limit=0"), "query.limit"],
    ];
    for (const [pending, path] of cases) {
      const response = await pending;
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.body.error.code).toBe("VALIDATION_FAILED");
      expect(response.body.error.message).toContain(path);
    }
    expect(await harness.prisma.organization.count()).toBe(before);
  });

  it("mints an organization key that works on organization routes, and revokes it (401 after)", async () => {
    const minted = await mintKey("acme", { name: "Production ATS" });
    expect(minted.status).toBe(201);
    expect(minted.body).toEqual({
      id: expect.any(String),
      name: "Production ATS",
      prefix: minted.body.key.slice(0, 10),
      key: expect.stringMatching(/^sh_/),
    });
    const acmeId = (
      await harness.prisma.organization.findUniqueOrThrow({
        where: { slug: "acme" },
        omit: { linkedinClientSecretEnc: false },
      })
    ).id;
    const written = await call(putPosition, {
      method: "PUT",
      path: "/api/v1/positions/JOB-1",
      params: { positionId: "JOB-1" },
      body: position,
      key: minted.body.key,
    });
    expect(written.status).toBe(202);
    expect(await harness.prisma.position.count({ where: { organizationId: acmeId, externalId: "JOB-1" } })).toBe(1);

    // Another organization's slug does not reach this key.
    expect((await revokeKey("beta-hire", minted.body.id)).status).toBe(404);
    const revoked = await revokeKey("acme", minted.body.id);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ id: minted.body.id, revokedAt: expect.any(String) });
    expect((await revokeKey("acme", minted.body.id)).body.revokedAt).toBe(revoked.body.revokedAt);

    const refused = await call(putPosition, {
      method: "PUT",
      path: "/api/v1/positions/JOB-1",
      params: { positionId: "JOB-1" },
      body: position,
      key: minted.body.key,
    });
    expect(refused.status).toBe(401);
    expect((await revokeKey("acme", "no-such-key")).status).toBe(404);
    expect((await mintKey("nobody", { name: "x" })).status).toBe(404);
  });

  it("a replayed key mint answers the same key id but never the key again: the plaintext is not stored", async () => {
    const headers = { "idempotency-key": "mint-acme-1" };
    const first = await mintKey("acme", { name: "Replayed" }, ENV_PARTNER_KEY, headers);
    const again = await mintKey("acme", { name: "Replayed" }, ENV_PARTNER_KEY, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual({ ...first.body, key: null });
    expect(await harness.prisma.apiKey.count({ where: { name: "Replayed" } })).toBe(1);
    const records = await harness.prisma.partnerIdempotencyRecord.findMany();
    expect(JSON.stringify(records)).not.toContain(first.body.key);

    const reused = await mintKey("acme", { name: "Other" }, ENV_PARTNER_KEY, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("a replayed PUT answers the first response and records one audit entry", async () => {
    const headers = { "idempotency-key": "put-gamma-1" };
    const first = await putOrg("gamma", { name: "Gamma" }, ENV_PARTNER_KEY, headers);
    const again = await putOrg("gamma", { name: "Gamma" }, ENV_PARTNER_KEY, headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(
      await harness.prisma.auditLog.count({
        where: { action: "organization.create", details: { path: ["slug"], equals: "gamma" } },
      }),
    ).toBe(1);
  });

  it("refuses no key and unknown keys with 401, organization keys with 403", async () => {
    const minted = await mintKey("acme", { name: "Org key" });
    for (const key of [minted.body.key, BOOTSTRAP_KEY]) {
      for (const response of [
        await putOrg("acme", acme, key),
        await getOrg("acme", key),
        await listOrgs("", key),
        await mintKey("acme", { name: "x" }, key),
        await revokeKey("acme", minted.body.id, key),
      ]) {
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe("FORBIDDEN");
        expect(response.body.error.message).toContain("partner key");
      }
    }
    expect((await putOrg("acme", acme, null)).status).toBe(401);
    expect((await getOrg("acme", "sh_not-a-key-that-exists-anywhere")).status).toBe(401);
    expect((await harness.prisma.apiKey.findUniqueOrThrow({ where: { id: minted.body.id } })).revokedAt).toBeNull();
  });

  it("admin-created partner keys work until revoked; a partner key gets 403 on organization routes", async () => {
    const admin = { kind: "all" as const, actor: `user:${adminId}`, actorUserId: adminId };
    const created = await createPartnerKey(harness.prisma, admin, { name: "Vendor CI" });
    expect(created.key).toMatch(/^sh_/);
    const row = await harness.prisma.partnerApiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.key);

    const provisioned = await putOrg("delta", { name: "Delta" }, created.key);
    expect(provisioned.status).toBe(201);
    const audit = await harness.prisma.auditLog.findFirstOrThrow({
      where: { action: "organization.create", details: { path: ["slug"], equals: "delta" } },
    });
    expect(audit.details).toMatchObject({ actor: `partnerkey:${created.id}` });

    for (const key of [created.key, ENV_PARTNER_KEY]) {
      const refused = await call(putPosition, {
        method: "PUT",
        path: "/api/v1/positions/JOB-9",
        params: { positionId: "JOB-9" },
        body: position,
        key,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain("organization's key");
    }

    await revokePartnerKey(harness.prisma, admin, { partnerKeyId: created.id });
    expect((await putOrg("delta", { name: "Delta" }, created.key)).status).toBe(401);
    expect(await harness.prisma.auditLog.count({ where: { targetId: created.id } })).toBe(2);
  });

  it("audits every partner write as the partner key, and no secret or minted key is in any audit row or later response", async () => {
    const audit = await harness.prisma.auditLog.findMany({
      where: { action: { in: ["organization.create", "organization.update", "api_key.create", "api_key.revoke"] } },
    });
    expect(audit.length).toBeGreaterThanOrEqual(8);
    for (const row of audit) expect(row.details).toMatchObject({ actor: expect.stringMatching(/^partnerkey:/) });
    const everything = JSON.stringify([audit, seen, await harness.prisma.partnerIdempotencyRecord.findMany()]);
    expect(everything).not.toContain(SECRET);
    const keys = await harness.prisma.apiKey.findMany({ select: { prefix: true } });
    expect(keys.length).toBeGreaterThan(0);
    expect(everything).not.toMatch(/sh_[A-Za-z0-9_-]{43}/);
  });
});
