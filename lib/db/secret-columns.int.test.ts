// The secret fence (docs/decisions/0132): the product's client leaves every secret column out of a
// default query, so a row read without a `select`, or included through a relation, cannot carry one to
// a page, a log or a response. Readers that need a secret name it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { loadLinkedinCredentials } from "@/lib/linkedin/credentials";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { SECRET_COLUMNS } from "./client";

const ENCRYPTION_KEY = "secret-fence-key-0123456789abcdef";

describe.each(databasesUnderTest())("secret columns on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const prisma = database.prisma;
    const org = await prisma.organization.create({
      data: {
        slug: "acme",
        name: "Acme",
        linkedinClientId: "client-1",
        linkedinClientSecretEnc: encryptSecret("linkedin client secret", ENCRYPTION_KEY),
        linkedinIntegrationContext: "urn:li:organization:1",
      },
    });
    await prisma.user.create({
      data: { email: "h@acme.test", name: "H", role: "hirer", organizationId: org.id, passwordHash: "scrypt$x" },
    });
    await prisma.apiKey.create({ data: { organizationId: org.id, name: "ATS", prefix: "sh_abc", hash: "sha256-x" } });
    await prisma.webhookSubscription.create({
      data: { organizationId: org.id, webhookId: "w", url: "https://x.test/h", events: [], secretEnc: "sealed" },
    });
    await prisma.partnerApiKey.create({ data: { name: "Vendor", prefix: "sh_pk", hash: "sha256-p" } });
    await prisma.accessToken.create({ data: { key: "seek", tokenEnc: "sealed", expiresAt: new Date(0) } });
    await prisma.seekTokenCapture.create({
      data: { id: "cap_1", organizationId: org.id, token: "eyJ.seek-token", source: "api" },
    });
  });
  afterAll(async () => {
    await database.close();
  });

  it("a default findFirst on each fenced model returns no secret column", async () => {
    const prisma = database.prisma;
    const rows: Record<keyof typeof SECRET_COLUMNS, object | null> = {
      organization: await prisma.organization.findFirst(),
      user: await prisma.user.findFirst(),
      apiKey: await prisma.apiKey.findFirst(),
      partnerApiKey: await prisma.partnerApiKey.findFirst(),
      webhookSubscription: await prisma.webhookSubscription.findFirst(),
      accessToken: await prisma.accessToken.findFirst(),
      seekTokenCapture: await prisma.seekTokenCapture.findFirst(),
    };
    for (const [model, row] of Object.entries(rows)) {
      expect(row, model).not.toBeNull();
      for (const column of Object.keys(SECRET_COLUMNS[model as keyof typeof SECRET_COLUMNS])) {
        expect(Object.keys(row!), `${model}.${column}`).not.toContain(column);
      }
    }
  });

  it("rows reached through a relation leave their secrets out too", async () => {
    const org = await database.prisma.organization.findFirstOrThrow({
      include: { users: true, apiKeys: true, captures: true },
    });
    expect(Object.keys(org)).not.toContain("linkedinClientSecretEnc");
    expect(Object.keys(org.users[0]!)).not.toContain("passwordHash");
    expect(Object.keys(org.apiKeys[0]!)).not.toContain("hash");
    expect(Object.keys(org.captures[0]!)).not.toContain("token");
  });

  it("the LinkedIn credentials reader still gets the organization's client secret", async () => {
    const org = await database.prisma.organization.findFirstOrThrow({ where: { slug: "acme" } });
    const result = await loadLinkedinCredentials(database.prisma, org.id, {
      apiUrl: "http://127.0.0.1:1",
      tokenUrl: "http://127.0.0.1:1",
      encryptionKey: ENCRYPTION_KEY,
      defaultOrganization: {},
    });
    expect(result).toMatchObject({ ok: true, credentials: { clientSecret: "linkedin client secret" } });
  });
});
