// A hirer's scope cannot read or change another organization's rows, even with the right ids: two
// organizations with rows of each kind this branch owns, and a hirer of the first guessing the second's ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import type { TSessionUser } from "@/lib/auth/session-user";
import { inScope, organizationsInScope, scopeFor, type TScope } from "@/lib/data/scope";
import { getOrganizationSettings } from "@/lib/organizations/get-organization-settings";
import { listOrganizations } from "@/lib/organizations/list-organizations";
import { updateIntegrationSettings } from "@/lib/organizations/update-integration-settings";
import { listUsers } from "@/lib/users/list-users";
import { setUserActive } from "@/lib/users/set-user-active";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../support/test-databases";

const KEY = "test-encryption-key-0123456789-abcdef";

describe.each(databasesUnderTest())("tenancy scoping on %s", (kind) => {
  let database: TestDatabase;
  let hirerA: TScope;
  const b = { orgId: "", userId: "", positionId: "", pipelineId: "", apiKeyId: "" };
  let orgAId = "";

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const { prisma } = database;
    const admin = await prisma.user.create({
      data: { email: "admin@example.test", name: "Admin", role: "admin", passwordHash: "x" },
    });
    const adminScope = scopeFor({ id: admin.id, role: "admin", organizationId: null });
    for (const slug of ["org-a", "org-b"]) {
      const org = await prisma.organization.create({
        data: { slug, name: slug.toUpperCase(), seekHirerId: `hirer-${slug}` },
      });
      const user = await prisma.user.create({
        data: {
          email: `hirer@${slug}.test`,
          name: `Hirer ${slug}`,
          role: "hirer",
          organizationId: org.id,
          passwordHash: "x",
        },
      });
      const position = await prisma.position.create({
        data: {
          organizationId: org.id,
          externalId: "job-1",
          title: `Barista ${slug}`,
          applyUrl: "https://ats.example/apply",
        },
      });
      const pipeline = await prisma.pipeline.create({
        data: { organizationId: org.id, key: "standard", kind: "application", name: `Standard ${slug}` },
      });
      const key = await createApiKey(prisma, adminScope, { organizationId: org.id, name: `key ${slug}` });
      if (slug === "org-a") {
        orgAId = org.id;
        const me: TSessionUser = {
          id: user.id,
          email: user.email,
          name: user.name,
          role: "hirer",
          organizationId: org.id,
          organization: { id: org.id, slug, name: org.name },
        };
        hirerA = scopeFor(me);
      } else {
        Object.assign(b, {
          orgId: org.id,
          userId: user.id,
          positionId: position.id,
          pipelineId: pipeline.id,
          apiKeyId: key.id,
        });
      }
    }
  });
  afterAll(async () => {
    await database.close();
  });

  it("reads of another organization's rows by id find nothing", async () => {
    const { prisma } = database;
    expect(await prisma.position.findFirst({ where: inScope(hirerA, { id: b.positionId }) })).toBeNull();
    expect(await prisma.pipeline.findFirst({ where: inScope(hirerA, { id: b.pipelineId }) })).toBeNull();
    expect(await prisma.apiKey.findFirst({ where: inScope(hirerA, { id: b.apiKeyId }) })).toBeNull();
    expect(await prisma.user.findFirst({ where: inScope(hirerA, { id: b.userId }) })).toBeNull();
    expect(await prisma.organization.findFirst({ where: organizationsInScope(hirerA, { id: b.orgId }) })).toBeNull();
    // Even naming the other organization explicitly: the scope's organization wins.
    expect(
      await prisma.position.findMany({ where: inScope(hirerA, { organizationId: b.orgId, externalId: "job-1" }) }),
    ).toEqual([]);
    // Their own rows are there, so the empty answers above are the scope at work.
    expect(await prisma.position.findMany({ where: inScope(hirerA) })).toHaveLength(1);
  });

  it("writes to another organization's rows by id change nothing", async () => {
    const { prisma } = database;
    const updated = await prisma.position.updateMany({
      where: inScope(hirerA, { id: b.positionId }),
      data: { title: "hijacked" },
    });
    expect(updated.count).toBe(0);
    await expect(
      prisma.pipeline.update({ where: inScope(hirerA, { id: b.pipelineId }), data: { name: "hijacked" } }),
    ).rejects.toThrow();
    const deleted = await prisma.position.deleteMany({ where: inScope(hirerA, { id: b.positionId }) });
    expect(deleted.count).toBe(0);
    expect((await prisma.position.findUniqueOrThrow({ where: { id: b.positionId } })).title).toBe("Barista org-b");
    expect((await prisma.pipeline.findUniqueOrThrow({ where: { id: b.pipelineId } })).name).toBe("Standard org-b");
  });

  it("lib functions answer another organization's ids with NOT_FOUND and leave the rows alone", async () => {
    const { prisma } = database;
    await expect(revokeApiKey(prisma, hirerA, { apiKeyId: b.apiKeyId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: b.apiKeyId } })).revokedAt).toBeNull();

    await expect(listApiKeys(prisma, hirerA, b.orgId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createApiKey(prisma, hirerA, { organizationId: b.orgId, name: "mine now" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await expect(setUserActive(prisma, hirerA, { userId: b.userId, active: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: b.userId } })).active).toBe(true);

    await expect(getOrganizationSettings(prisma, hirerA, b.orgId, KEY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateIntegrationSettings(
        prisma,
        hirerA,
        {
          organizationId: b.orgId,
          seekHirerId: "stolen",
          linkedinIntegrationContext: null,
          linkedinClientId: null,
          linkedinClientSecret: "attacker",
          clearLinkedinClientSecret: false,
        },
        KEY,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const orgB = await prisma.organization.findUniqueOrThrow({
      where: { id: b.orgId },
      omit: { linkedinClientSecretEnc: false },
    });
    expect(orgB).toMatchObject({ seekHirerId: "hirer-org-b", linkedinClientSecretEnc: null });
  });

  it("lists only the hirer's own organization and its users", async () => {
    const { prisma } = database;
    expect((await listOrganizations(prisma, hirerA)).map((o) => o.id)).toEqual([orgAId]);
    expect((await listUsers(prisma, hirerA)).map((u) => u.email)).toEqual(["hirer@org-a.test"]);
    expect(await listApiKeys(prisma, hirerA, orgAId)).toHaveLength(1);
  });
});
