// Where an organization's LinkedIn credentials come from, and what "not configured" says.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { ensureDefaultOrganization } from "@/lib/organizations/default-organization";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { loadLinkedinCredentials, NOT_CONFIGURED } from "./credentials";
import type { LinkedinSettings } from "./linkedin-settings";

const KEY = "test-encryption-key-0123456789abcdef";
const ENV_DEFAULTS = {
  clientId: "env-client",
  clientSecret: "env-secret",
  integrationContext: "urn:li:organization:1",
};
const settings = (overrides: Partial<LinkedinSettings> = {}): LinkedinSettings => ({
  apiUrl: "http://127.0.0.1:1",
  tokenUrl: "http://127.0.0.1:1/oauth/v2/accessToken",
  encryptionKey: KEY,
  defaultOrganization: ENV_DEFAULTS,
  ...overrides,
});

describe.each(databasesUnderTest())("LinkedIn credentials on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let defaultId: string;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    db = t.prisma;
    defaultId = (await ensureDefaultOrganization(db)).id;
  });
  afterAll(async () => t?.close());

  const org = (slug: string, fields: Record<string, string | null> = {}) =>
    db.organization.create({ data: { slug, name: slug, ...fields } });

  it("reads an organization's own credentials, decrypting the client secret", async () => {
    const acme = await org("acme", {
      linkedinClientId: "acme-client",
      linkedinClientSecretEnc: encryptSecret("acme-secret", KEY),
      linkedinIntegrationContext: "urn:li:organization:42",
    });
    expect(await loadLinkedinCredentials(db, acme.id, settings())).toEqual({
      ok: true,
      credentials: {
        organizationId: acme.id,
        clientId: "acme-client",
        clientSecret: "acme-secret",
        integrationContext: "urn:li:organization:42",
        source: "organization",
      },
    });
  });

  it("gives the default organization the LINKEDIN_* variables when its row holds none", async () => {
    expect(await loadLinkedinCredentials(db, defaultId, settings())).toMatchObject({
      ok: true,
      credentials: { ...ENV_DEFAULTS, source: "environment" },
    });
    const missing = await loadLinkedinCredentials(db, defaultId, settings({ defaultOrganization: { clientId: "x" } }));
    expect(missing).toEqual({
      ok: false,
      code: NOT_CONFIGURED,
      message:
        "LinkedIn is not configured for the default organization: set LINKEDIN_CLIENT_SECRET, LINKEDIN_INTEGRATION_CONTEXT.",
    });
  });

  it("never gives another organization the default organization's variables", async () => {
    const other = await org("other");
    const result = await loadLinkedinCredentials(db, other.id, settings());
    expect(result).toMatchObject({ ok: false, code: NOT_CONFIGURED });
    expect(!result.ok && result.message).toMatch(/not configured for organization other/);
  });

  it("says which fields are missing when an organization is partly configured", async () => {
    const partial = await org("partial", { linkedinClientId: "p-client" });
    const result = await loadLinkedinCredentials(db, partial.id, settings());
    expect(!result.ok && result.message).toBe(
      "LinkedIn is partly configured for organization partial: no integration context, client secret.",
    );
  });

  it("says so when the secret cannot be decrypted with the current key, or there is no key", async () => {
    const sealed = await org("sealed", {
      linkedinClientId: "s-client",
      linkedinClientSecretEnc: encryptSecret("s-secret", "another-key-0123456789abcdef0123456789"),
      linkedinIntegrationContext: "urn:li:organization:7",
    });
    const wrongKey = await loadLinkedinCredentials(db, sealed.id, settings());
    expect(!wrongKey.ok && wrongKey.message).toMatch(/cannot be decrypted/);
    const noKey = await loadLinkedinCredentials(db, defaultId, settings({ encryptionKey: undefined }));
    expect(!noKey.ok && noKey.message).toMatch(/SIGNALHOUSE_ENCRYPTION_KEY is not set/);
  });
});
