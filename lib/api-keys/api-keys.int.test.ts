// API keys end to end at the database: created for one organization, verified by the same function the
// v1 API uses, last-used time recorded, refused once revoked; the bootstrap key acts for `default`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAllOrganizationsScope } from "@/lib/data/scope";
import { ensureDefaultOrganization } from "@/lib/organizations/default-organization";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { API_KEY_CACHE_TTL_MS } from "./api-key-cache";
import { createApiKey } from "./create-api-key";
import { hashApiKey } from "./key-format";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";
import { verifyApiKey } from "./verify-api-key";

const BOOTSTRAP = "sh_bootstrap_key_for_tests_0123456789";

describe.each(databasesUnderTest())("API keys on %s", (kind) => {
  let database: TestDatabase;
  let scope: TAllOrganizationsScope;
  let orgId: string;
  let defaultOrgId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const { prisma } = database;
    defaultOrgId = (await ensureDefaultOrganization(prisma)).id;
    orgId = (await prisma.organization.create({ data: { slug: "acme", name: "Acme" } })).id;
    const admin = await prisma.user.create({
      data: { email: "admin@example.test", name: "Admin", role: "admin", passwordHash: "x" },
    });
    scope = { kind: "all", actor: `user:${admin.id}`, actorUserId: admin.id };
  });
  afterAll(async () => {
    await database.close();
  });

  it("stores only the hash and a prefix; the full key is returned once and verifies for its organization", async () => {
    const { prisma } = database;
    const created = await createApiKey(prisma, scope, { organizationId: orgId, name: "Production ATS" });
    expect(created.key).toMatch(/^sh_[A-Za-z0-9_-]{43}$/);
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: created.id }, omit: { hash: false } });
    expect(row).toMatchObject({
      organizationId: orgId,
      prefix: created.key.slice(0, 10),
      hash: hashApiKey(created.key),
    });
    expect(JSON.stringify(row)).not.toContain(created.key);
    expect(row.lastUsedAt).toBeNull();

    const now = new Date("2026-11-23T10:00:00Z");
    expect(await verifyApiKey(prisma, created.key, BOOTSTRAP, now)).toEqual({
      organizationId: orgId,
      apiKeyId: created.id,
    });
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(now);

    const audit = await prisma.auditLog.findMany({ where: { action: "api_key.create", targetId: created.id } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(created.key);
  });

  it("records last use at most once a minute per key", async () => {
    const { prisma } = database;
    const created = await createApiKey(prisma, scope, { organizationId: orgId, name: "Busy" });
    const first = new Date("2026-11-23T10:00:00Z");
    await verifyApiKey(prisma, created.key, undefined, first);
    await verifyApiKey(prisma, created.key, undefined, new Date("2026-11-23T10:00:30Z"));
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(first);
    const later = new Date("2026-11-23T10:01:01Z");
    await verifyApiKey(prisma, created.key, undefined, later);
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(later);
  });

  it("refuses a revoked key from the next request on, and keeps the first revocation time", async () => {
    const { prisma } = database;
    const created = await createApiKey(prisma, scope, { organizationId: orgId, name: "Old laptop" });
    expect(await verifyApiKey(prisma, created.key, undefined)).not.toBeNull();
    const revokedAt = new Date("2026-11-23T11:00:00Z");
    await revokeApiKey(prisma, scope, { apiKeyId: created.id }, revokedAt);
    expect(await verifyApiKey(prisma, created.key, undefined)).toBeNull();
    await revokeApiKey(prisma, scope, { apiKeyId: created.id }, new Date("2026-11-24T00:00:00Z"));
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toEqual(revokedAt);
    expect(await prisma.auditLog.count({ where: { action: "api_key.revoke", targetId: created.id } })).toBe(1);
  });

  it("refuses a key revoked by another process (its row changed behind this one's back) within API_KEY_CACHE_TTL_MS", async () => {
    const { prisma } = database;
    const created = await createApiKey(prisma, scope, { organizationId: orgId, name: "Other server" });
    const verifiedAt = new Date("2026-11-23T12:00:00Z");
    const later = (ms: number) => new Date(verifiedAt.getTime() + ms);
    expect(await verifyApiKey(prisma, created.key, undefined, verifiedAt)).not.toBeNull();
    await prisma.apiKey.update({ where: { id: created.id }, data: { revokedAt: later(1) } });
    // The bound, not a wish: inside the TTL this process may still answer from memory…
    expect(await verifyApiKey(prisma, created.key, undefined, later(API_KEY_CACHE_TTL_MS - 1))).not.toBeNull();
    // …and from the TTL on it reads the row again and refuses the key.
    expect(await verifyApiKey(prisma, created.key, undefined, later(API_KEY_CACHE_TTL_MS))).toBeNull();
  });

  it("refuses an unknown key", async () => {
    expect(await verifyApiKey(database.prisma, "sh_not-a-key-that-exists-anywhere", BOOTSTRAP)).toBeNull();
  });

  it("accepts SIGNALHOUSE_BOOTSTRAP_API_KEY as a key of the `default` organization", async () => {
    expect(await verifyApiKey(database.prisma, BOOTSTRAP, BOOTSTRAP)).toEqual({
      organizationId: defaultOrgId,
      apiKeyId: "bootstrap",
    });
    // Without the variable set, the same string is just an unknown key.
    expect(await verifyApiKey(database.prisma, BOOTSTRAP, undefined)).toBeNull();
  });

  it("lists an organization's keys (active first) without their hashes", async () => {
    const keys = await listApiKeys(database.prisma, scope, orgId);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(keys[0]?.revokedAt).toBeNull();
    expect(keys.at(-1)?.revokedAt).not.toBeNull();
    for (const key of keys)
      expect(Object.keys(key).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt"]);
    expect(await listApiKeys(database.prisma, scope, defaultOrgId)).toEqual([]);
  });

  it("refuses to create a key for an organization that does not exist", async () => {
    await expect(
      createApiKey(database.prisma, scope, { organizationId: "no-such-org", name: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
