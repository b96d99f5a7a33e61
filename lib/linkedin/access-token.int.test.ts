// The LinkedIn access token cache against the LinkedIn mock over HTTP, shared through the database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LinkedinMock, startLinkedinMock } from "@/e2e/mocks/linkedin/server";
import type { Db } from "@/lib/db/client";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { accessTokenKey, createLinkedinAccessTokens } from "./access-token";
import type { LinkedinCredentials } from "./credentials";
import { LinkedinTokenError } from "./fetch-access-token";

const KEY = "test-encryption-key-0123456789abcdef";
let clock = Date.parse("2026-11-23T10:00:00.000Z");
const now = () => new Date(clock);

describe.each(databasesUnderTest())("LinkedIn access tokens on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let mock: LinkedinMock;
  let orgId: string;
  let credentials: LinkedinCredentials;
  const tokens = () =>
    createLinkedinAccessTokens({ db, settings: () => ({ tokenUrl: mock.tokenUrl, encryptionKey: KEY }) });

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    db = t.prisma;
    mock = await startLinkedinMock({ now: () => clock });
    orgId = (await db.organization.create({ data: { slug: "acme", name: "Acme" } })).id;
    credentials = {
      organizationId: orgId,
      ...mock.customer,
      source: "organization",
    };
  });
  afterAll(async () => {
    await mock?.close();
    await t?.close();
  });
  beforeEach(async () => {
    mock.reset();
    clock = Date.parse("2026-11-23T10:00:00.000Z");
    await db.accessToken.deleteMany({});
  });

  it("fetches one token with form-encoded client credentials and reuses it, in this worker and in another", async () => {
    const first = await tokens().get(credentials, now());
    expect(await tokens().get(credentials, now())).toBe(first);
    expect(mock.tokenRequests(credentials.clientId)).toBe(1);
  });

  it("asks once when many sends in one process need a token at the same time", async () => {
    const cache = tokens();
    const got = await Promise.all(Array.from({ length: 8 }, () => cache.get(credentials, now())));
    expect(new Set(got).size).toBe(1);
    expect(mock.tokenRequests()).toBe(1);
  });

  it("stores the token encrypted under linkedin:<organizationId> for the response's expires_in", async () => {
    mock.setFaults({ tokenExpiresIn: 600 });
    const token = await tokens().get(credentials, now());
    const row = await db.accessToken.findUnique({ where: { key: accessTokenKey(orgId) }, omit: { tokenEnc: false } });
    expect(row?.expiresAt).toEqual(new Date(clock + 600_000));
    expect(row?.tokenEnc).not.toContain(token);
    expect(row?.tokenEnc).not.toContain(credentials.clientId);
  });

  it("renews 60 s before the token expires, not earlier", async () => {
    const cache = tokens();
    const first = await cache.get(credentials, now());
    clock += (1800 - 61) * 1000;
    expect(await cache.get(credentials, now())).toBe(first);
    clock += 2000;
    expect(await cache.get(credentials, now())).not.toBe(first);
    expect(mock.tokenRequests()).toBe(2);
  });

  it("forgets a refused token so the next call fetches a new one, but keeps one another worker already renewed", async () => {
    const a = tokens();
    const b = tokens();
    const old = await a.get(credentials, now());
    await a.invalidate(credentials, old);
    const renewed = await b.get(credentials, now());
    expect(renewed).not.toBe(old);
    await a.invalidate(credentials, old); // late: must not throw away b's token
    expect(await tokens().get(credentials, now())).toBe(renewed);
    expect(mock.tokenRequests()).toBe(2);
  });

  it("does not use a cached token of replaced credentials", async () => {
    await tokens().get(credentials, now());
    mock.addCustomer({
      clientId: "new-client",
      clientSecret: "new-secret",
      integrationContext: "urn:li:organization:9",
    });
    await tokens().get({ ...credentials, clientId: "new-client", clientSecret: "new-secret" }, now());
    expect(mock.tokenRequests("new-client")).toBe(1);
  });

  it("throws a LinkedinTokenError without the secret when the credentials are refused", async () => {
    const wrong = { ...credentials, clientSecret: "wrong-secret-value" };
    const error = await tokens()
      .get(wrong, now())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkedinTokenError);
    expect((error as LinkedinTokenError).kind).toBe("rejected");
    expect(String((error as Error).message)).not.toContain("wrong-secret-value");
  });
});
