// Organizations: created by admins with unique slugs; the LinkedIn client secret is stored encrypted,
// kept when the field is left empty, and never leaves the lib in full (only a masked label).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { TAllOrganizationsScope } from "@/lib/data/scope";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { createOrganization } from "./create-organization";
import { getOrganizationSettings } from "./get-organization-settings";
import { listOrganizations } from "./list-organizations";
import { ZIntegrationSettingsInput } from "./organization-fields";
import { updateIntegrationSettings } from "./update-integration-settings";

const KEY = "test-encryption-key-0123456789-abcdef";
const SECRET = "LinkedInClientSecret-VeryPrivate-42";

describe.each(databasesUnderTest())("organizations on %s", (kind) => {
  let database: TestDatabase;
  let scope: TAllOrganizationsScope;
  let orgId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const admin = await database.prisma.user.create({
      data: { email: "admin@example.test", name: "Admin", role: "admin", passwordHash: "x" },
    });
    scope = { kind: "all", actor: `user:${admin.id}`, actorUserId: admin.id };
  });
  afterAll(async () => {
    await database.close();
  });

  it("creates an organization and audits it; a taken slug is a CONFLICT on the slug field", async () => {
    const org = await createOrganization(database.prisma, scope, { name: "Acme Recruitment", slug: "acme" });
    orgId = org.id;
    expect(org).toMatchObject({ slug: "acme", name: "Acme Recruitment" });
    expect(await database.prisma.auditLog.count({ where: { action: "organization.create", targetId: org.id } })).toBe(
      1,
    );
    await expect(createOrganization(database.prisma, scope, { name: "Other", slug: "acme" })).rejects.toMatchObject({
      code: "CONFLICT",
      issues: [{ path: ["slug"] }],
    });
  });

  it("stores the LinkedIn client secret encrypted and shows it only masked", async () => {
    const { prisma } = database;
    const input = ZIntegrationSettingsInput.parse({
      organizationId: orgId,
      seekHirerId: " seekAnzPublicTest:organization:seek:93WyyF1h ",
      linkedinIntegrationContext: "urn:li:organization:1",
      linkedinClientId: "client-id-1",
      linkedinClientSecret: SECRET,
    });
    await updateIntegrationSettings(prisma, scope, input, KEY);

    const row = await prisma.organization.findUniqueOrThrow({
      where: { id: orgId },
      omit: { linkedinClientSecretEnc: false },
    });
    expect(row.seekHirerId).toBe("seekAnzPublicTest:organization:seek:93WyyF1h");
    expect(row.linkedinClientSecretEnc).not.toContain(SECRET);
    expect(decryptSecret(row.linkedinClientSecretEnc ?? "", KEY)).toBe(SECRET);

    const settings = await getOrganizationSettings(prisma, scope, orgId, KEY);
    expect(settings.linkedinClientSecret).toEqual({ state: "set", label: "set · Li…42" });
    expect(JSON.stringify(settings)).not.toContain(SECRET.slice(0, 6));
    expect(JSON.stringify(settings)).not.toContain(row.linkedinClientSecretEnc);

    const listed = await listOrganizations(prisma, scope);
    expect(listed.find((o) => o.id === orgId)).toMatchObject({ linkedinClientSecretSet: true });
    expect(JSON.stringify(listed)).not.toContain(row.linkedinClientSecretEnc);

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "organization.update_integrations" } });
    expect(audit.details).toEqual({
      changed: ["seekHirerId", "linkedinIntegrationContext", "linkedinClientId", "linkedinClientSecret"],
    });
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });

  it("keeps the stored secret when the field is left empty, replaces it with a new value, clears it on request", async () => {
    const { prisma } = database;
    const base = { organizationId: orgId, seekHirerId: "", linkedinIntegrationContext: "", linkedinClientId: "c" };
    const sealedBefore = (
      await prisma.organization.findUniqueOrThrow({ where: { id: orgId }, omit: { linkedinClientSecretEnc: false } })
    ).linkedinClientSecretEnc;

    await updateIntegrationSettings(
      prisma,
      scope,
      ZIntegrationSettingsInput.parse({ ...base, linkedinClientSecret: "" }),
      KEY,
    );
    const kept = await prisma.organization.findUniqueOrThrow({
      where: { id: orgId },
      omit: { linkedinClientSecretEnc: false },
    });
    expect(kept.linkedinClientSecretEnc).toBe(sealedBefore);
    expect(kept.seekHirerId).toBeNull();

    await updateIntegrationSettings(
      prisma,
      scope,
      ZIntegrationSettingsInput.parse({ ...base, linkedinClientSecret: "a-brand-new-secret-value" }),
      KEY,
    );
    expect((await getOrganizationSettings(prisma, scope, orgId, KEY)).linkedinClientSecret).toEqual({
      state: "set",
      label: "set · a-…ue",
    });

    await updateIntegrationSettings(
      prisma,
      scope,
      ZIntegrationSettingsInput.parse({ ...base, clearLinkedinClientSecret: "on" }),
      KEY,
    );
    expect((await getOrganizationSettings(prisma, scope, orgId, KEY)).linkedinClientSecret).toEqual({ state: "unset" });
  });

  it("refuses to store a secret when no encryption key is configured", async () => {
    await expect(
      updateIntegrationSettings(
        database.prisma,
        scope,
        ZIntegrationSettingsInput.parse({
          organizationId: orgId,
          seekHirerId: "",
          linkedinIntegrationContext: "",
          linkedinClientId: "",
          linkedinClientSecret: "would-be-plaintext",
        }),
        undefined,
      ),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    const row = await database.prisma.organization.findUniqueOrThrow({
      where: { id: orgId },
      omit: { linkedinClientSecretEnc: false },
    });
    expect(row.linkedinClientSecretEnc).toBeNull();
  });
});
