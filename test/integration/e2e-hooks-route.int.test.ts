// POST /api/e2e/deliveries/state through the real route module: absent (404) unless the server was started
// with SIGNALHOUSE_E2E_HOOKS=1, then guarded by the cron secret and validated like every other route.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/e2e/deliveries/state/route";
import { POST as POST_DESTINATION } from "@/app/api/e2e/destinations/state/route";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { addDeliveries, createOrganization } from "../support/delivery-fixtures";
import { useProcessDatabase } from "../support/process-database";
import { databasesUnderTest } from "../support/test-databases";

const SECRET = "cron-secret-for-tests-0123456789";

function call(body: unknown, authorization: string | null = `Bearer ${SECRET}`) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (authorization) headers.authorization = authorization;
  return POST(
    new Request("http://localhost/api/e2e/deliveries/state", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

describe.each(databasesUnderTest())("POST /api/e2e/deliveries/state on %s", (kind) => {
  let restore: () => Promise<void>;

  beforeAll(async () => {
    ({ restore } = await useProcessDatabase(kind, { CRON_SECRET: SECRET, SIGNALHOUSE_E2E_HOOKS: "1" }));
  });
  afterAll(async () => restore());

  it("does not exist (404) on a server started without SIGNALHOUSE_E2E_HOOKS=1, whatever the secret", async () => {
    process.env.SIGNALHOUSE_E2E_HOOKS = "0";
    resetEnvCache();
    try {
      expect((await call({ deliveryIds: ["x"], state: "dead" })).status).toBe(404);
    } finally {
      process.env.SIGNALHOUSE_E2E_HOOKS = "1";
      resetEnvCache();
    }
  });

  it("answers 401 without the cron secret, 400 to malformed JSON or a body that breaks the schema", async () => {
    expect((await call({ deliveryIds: ["x"], state: "dead" }, null)).status).toBe(401);
    const broken = await call("{not json");
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe("INVALID_JSON");
    const invalid = await call({ deliveryIds: [], state: "gone" });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.message).toContain("body.");
  });

  it("puts the named deliveries in the given state", async () => {
    const organizationId = await createOrganization(db());
    const [id] = await addDeliveries(db(), organizationId, [{}]);
    const response = await call({ deliveryIds: [id], state: "dead", lastErrorCode: "HTTP_503" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ count: 1 });
    expect(await db().delivery.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      state: "dead",
      lastErrorCode: "HTTP_503",
    });
  });

  it("opens and closes a destination's circuit (POST /api/e2e/destinations/state), 404 without the switch", async () => {
    const callDestination = (body: unknown) =>
      POST_DESTINATION(
        new Request("http://localhost/api/e2e/destinations/state", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${SECRET}` },
          body: JSON.stringify(body),
        }),
      );
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await callDestination({ destination: "seek", blockedUntil: until, lastError: "HTTP 503" })).status).toBe(
      200,
    );
    expect(await db().destinationState.findUniqueOrThrow({ where: { destination: "seek" } })).toMatchObject({
      blockedUntil: new Date(until),
      lastError: "HTTP 503",
    });
    expect((await callDestination({ destination: "seek", blockedUntil: null })).status).toBe(200);
    expect((await db().destinationState.findUniqueOrThrow({ where: { destination: "seek" } })).blockedUntil).toBeNull();
    process.env.SIGNALHOUSE_E2E_HOOKS = "0";
    resetEnvCache();
    try {
      expect((await callDestination({ destination: "seek", blockedUntil: null })).status).toBe(404);
    } finally {
      process.env.SIGNALHOUSE_E2E_HOOKS = "1";
      resetEnvCache();
    }
  });
});
