// The database-backed SEEK partner token cache, on PGlite and PostgreSQL, against the SEEK mock's token
// endpoint over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SeekMock, startSeekMock } from "@/e2e/mocks/seek/server";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { createPrisma, type Db } from "@/lib/db/client";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { createPartnerTokenSource } from "./partner-token";
import { type PartnerTokenConfig, PartnerTokenError } from "./partner-token-source";

const KEY = "test-encryption-key-0123456789abcdef";
const T0 = new Date("2026-03-01T10:00:00.000Z");

describe.each(databasesUnderTest())("SEEK partner token cache on %s", (kind) => {
  let database: TestDatabase;
  let mock: SeekMock;
  let clock: Date;
  let config: PartnerTokenConfig;
  const extraClients: Db[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    mock = await startSeekMock({ tokenExpiresIn: 1800 });
    config = {
      tokenUrl: mock.tokenUrl,
      audience: mock.credentials.audience,
      clientId: mock.credentials.clientId,
      clientSecret: mock.credentials.clientSecret,
    };
  });
  afterAll(async () => {
    for (const client of extraClients) await client.$disconnect();
    await mock.close();
    await database.close();
  });
  beforeEach(async () => {
    mock.reset();
    clock = T0;
    await database.prisma.accessToken.deleteMany();
  });

  const source = (db: Db = database.prisma, overrides: Partial<PartnerTokenConfig> = {}) =>
    createPartnerTokenSource({
      db,
      config: () => ({ ...config, ...overrides }),
      encryptionKey: () => KEY,
      now: () => clock,
    });

  it("caches the token encrypted under key 'seek' for the expires_in of the response", async () => {
    mock.setFaults({ tokenExpiresIn: 86400 });
    const token = await source().getToken();
    const row = await database.prisma.accessToken.findUniqueOrThrow({
      where: { key: "seek" },
      omit: { tokenEnc: false },
    });
    expect(row.tokenEnc).not.toContain(token);
    expect(decryptSecret(row.tokenEnc, KEY)).toBe(token);
    expect(row.expiresAt).toEqual(new Date(T0.getTime() + 86400 * 1000));
    expect(row.updatedAt).toEqual(T0); // the issue time, which the renewal rule reads back
  });

  it("shares one token between processes: a second process reads it instead of fetching", async () => {
    const first = await source().getToken();
    const otherProcess = source();
    expect(await otherProcess.getToken()).toBe(first);
    expect(mock.tokenRequests()).toBe(1);
  });

  it("renews 60 s before expiry, not earlier, in this process and in others", async () => {
    const tokens = source();
    const first = await tokens.getToken();
    clock = new Date(T0.getTime() + (1800 - 61) * 1000);
    expect(await tokens.getToken()).toBe(first);
    expect(await source().getToken()).toBe(first);
    clock = new Date(T0.getTime() + (1800 - 59) * 1000);
    const renewed = await source().getToken();
    expect(await tokens.getToken()).toBe(renewed);
    expect(renewed).not.toBe(first);
    expect(mock.tokenRequests()).toBe(2);
    const row = await database.prisma.accessToken.findUniqueOrThrow({
      where: { key: "seek" },
      omit: { tokenEnc: false },
    });
    expect(decryptSecret(row.tokenEnc, KEY)).toBe(renewed);
  });

  it("makes one token request when many workers in many processes find no token at once", async () => {
    const clients = Array.from({ length: 4 }, () => createPrisma(database.target));
    extraClients.push(...clients);
    const workers = [...clients, ...clients].map((db) => source(db));
    const tokens = await Promise.all(workers.map((w) => w.getToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(mock.tokenRequests()).toBe(1);
    expect(await database.prisma.accessToken.count()).toBe(1); // the renewal lease is gone
  });

  it("forgets a token SEEK refused, but not one another worker has already renewed", async () => {
    const a = source();
    const b = source();
    const stale = await a.getToken();
    expect(await b.getToken()).toBe(stale);
    mock.expireTokens();
    await a.invalidate(stale);
    const fresh = await a.getToken();
    expect(fresh).not.toBe(stale);
    await b.invalidate(stale); // b learns late that its token was refused
    expect(await b.getToken()).toBe(fresh);
    expect(mock.tokenRequests()).toBe(2);
  });

  it("takes over a renewal lease left behind by a crashed process once it has expired", async () => {
    await database.prisma.accessToken.create({
      data: { key: "seek:renewal-lease", tokenEnc: "crashed-owner", expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await source().getToken()).toMatch(/^eyJ/);
    expect(await database.prisma.accessToken.findUnique({ where: { key: "seek:renewal-lease" } })).toBeNull();
  });

  it("reports refused credentials as a PartnerTokenError without the secret, and stores nothing", async () => {
    const error = await source(database.prisma, { clientSecret: "wrong-secret-value" })
      .getToken()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnerTokenError);
    expect(error).toMatchObject({ kind: "rejected" });
    expect(String((error as Error).message)).not.toContain("wrong-secret-value");
    expect(await database.prisma.accessToken.count()).toBe(0);
  });
});
