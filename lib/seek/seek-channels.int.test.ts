// The SEEK channels as the product builds them from its environment, against the SEEK mock.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SeekMock, startSeekMock } from "@/e2e/mocks/seek/server";
import type { ClaimedDelivery } from "@/lib/delivery/channel";
import { resetEnvCache } from "@/lib/env";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { seekChannelsFromEnv } from "./seek-channels";

const NOW = new Date("2026-03-01T10:00:00.000Z");
const context = { workerId: "worker-1", now: () => NOW, signal: new AbortController().signal };
const signal: ClaimedDelivery = {
  id: "delivery-1",
  organizationId: "org-1",
  channel: "seek-signal",
  kind: "ApplicationComplete",
  destination: "seek",
  payload: {
    typeCode: "ApplicationComplete",
    token: "eyJqb2JJZCI6MCwiY2FuZGlkYXRlSWQiOjB9",
    timestamp: "2026-03-01T09:00:00Z",
  },
  attempts: 0,
  orderingKey: null,
  occurredAt: NOW,
  createdAt: NOW,
  expiresAt: null,
  dueBy: null,
};
const VARS = [
  "SEEK_GRAPHQL_URL",
  "SEEK_TOKEN_URL",
  "SEEK_CLIENT_ID",
  "SEEK_CLIENT_SECRET",
  "SIGNALHOUSE_ENCRYPTION_KEY",
];

describe.each(databasesUnderTest())("SEEK channels from the environment on %s", (kind) => {
  let database: TestDatabase;
  let mock: SeekMock;
  const saved = Object.fromEntries(VARS.map((name) => [name, process.env[name]]));
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    mock = await startSeekMock();
  });
  afterAll(async () => {
    await mock.close();
    await database.close();
  });
  afterEach(() => {
    for (const name of VARS) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    resetEnvCache();
  });

  function configure(withCredentials: boolean) {
    process.env.SEEK_GRAPHQL_URL = mock.graphqlUrl;
    process.env.SEEK_TOKEN_URL = mock.tokenUrl;
    process.env.SIGNALHOUSE_ENCRYPTION_KEY = "test-encryption-key-0123456789abcdef";
    process.env.SEEK_CLIENT_ID = withCredentials ? mock.credentials.clientId : "";
    process.env.SEEK_CLIENT_SECRET = withCredentials ? mock.credentials.clientSecret : "";
    resetEnvCache();
  }

  it("builds seek-signal and seek-history channels that deliver through the configured SEEK", async () => {
    configure(true);
    const channels = seekChannelsFromEnv(database.prisma);
    expect(channels.map((c) => c.name)).toEqual(["seek-signal", "seek-history"]);
    const result = await channels[0]!.send([signal], context);
    expect(result.outcomes.get("delivery-1")).toEqual({ kind: "delivered" });
    expect(await database.prisma.accessToken.count({ where: { key: "seek" } })).toBe(1);
  });

  it("retries, naming the missing configuration, when SEEK credentials are not set", async () => {
    configure(false);
    await database.prisma.accessToken.deleteMany();
    const result = await seekChannelsFromEnv(database.prisma)[0]!.send([signal], context);
    expect(result.outcomes.get("delivery-1")).toMatchObject({ kind: "retry", code: "SEEK_TOKEN_NOT_CONFIGURED" });
  });
});
