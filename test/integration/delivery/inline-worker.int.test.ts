// The inline worker that instrumentation.ts starts inside `npm start`: once per process, off when
// SIGNALHOUSE_WORKER=off, on the process's own database client (PGlite or PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { startInlineWorker, stopInlineWorker } from "@/lib/runtime/inline-worker";
import { addDeliveries, createOrganization, many, waitUntil } from "../../support/delivery-fixtures";
import { useProcessDatabase } from "../../support/process-database";
import { databasesUnderTest } from "../../support/test-databases";

describe.each(databasesUnderTest())("the inline worker on %s", (kind) => {
  let restore: () => Promise<void>;

  beforeAll(async () => {
    ({ restore } = await useProcessDatabase(kind));
  });
  afterAll(async () => {
    await stopInlineWorker();
    await restore();
  });

  it("does not start when SIGNALHOUSE_WORKER=off", async () => {
    process.env.SIGNALHOUSE_WORKER = "off";
    resetEnvCache();
    try {
      expect(startInlineWorker()).toBeUndefined();
      expect(await stopInlineWorker()).toBeUndefined();
    } finally {
      process.env.SIGNALHOUSE_WORKER = "inline";
      resetEnvCache();
    }
  });

  it("starts once per process, beats as `inline`, serves the product's channels, and stops cleanly", async () => {
    const org = await createOrganization(db());
    const [id] = await addDeliveries(db(), org, many(1));
    const workerId = startInlineWorker();
    expect(workerId).toMatch(/^inline:/);
    expect(startInlineWorker()).toBeUndefined();
    await waitUntil(
      "the inline heartbeat",
      async () => (await db().workerHeartbeat.count({ where: { workerId } })) === 1,
    );
    expect(await db().workerHeartbeat.findUniqueOrThrow({ where: { workerId } })).toMatchObject({
      mode: "inline",
      pid: process.pid,
    });
    // SEEK is not configured in tests: the row is tried, kept, and says why it waits.
    await waitUntil(
      "the row to be tried",
      async () => (await db().delivery.findUniqueOrThrow({ where: { id } })).attempts > 0,
    );
    const summary = await stopInlineWorker();
    expect(summary).toMatchObject({ workerId, mode: "inline", unservedChannels: [] });
    expect(await db().delivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "pending",
      lastErrorCode: "SEEK_TOKEN_NOT_CONFIGURED",
    });
    expect((await db().workerHeartbeat.findUniqueOrThrow({ where: { workerId } })).stoppedAt).not.toBeNull();
  });
});
