// A delivery's page says what caused it (the event, who triggered it, the records by their ATS ids) and
// what holds it back (a paused channel, an open circuit), from the rows the product writes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAllOrganizationsScope } from "@/lib/data/scope";
import type { Db } from "@/lib/db/client";
import { seedAdminAndOrganization } from "@/test/support/admin-scope";
import { insertDelivery } from "@/test/support/delivery-rows";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { readAdminDeliveryDetail } from "./admin-delivery-detail";

describe.each(databasesUnderTest())("what caused a delivery, on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let admin: TAllOrganizationsScope;
  let org: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.prisma;
    ({ admin, org } = await seedAdminAndOrganization(db));
  });
  afterAll(async () => database?.close());

  async function deliveryFor(actor: string) {
    const position = await db.position.create({
      data: { organizationId: org, externalId: `POS-${actor}`, title: "Chef", applyUrl: "https://x.test/apply" },
    });
    const application = await db.application.create({
      data: { organizationId: org, externalId: `APP-${actor}`, positionId: position.id },
    });
    const event = await db.event.create({
      data: {
        organizationId: org,
        type: "ApplicationStatusChanged",
        applicationId: application.id,
        positionId: position.id,
        fromStatusKey: "new",
        toStatusKey: "shortlist",
        occurredAt: new Date("2026-11-23T09:00:00Z"),
        actor,
      },
    });
    const row = await insertDelivery(db, { organizationId: org, state: "pending" });
    await db.delivery.update({
      where: { id: row.id },
      data: { eventId: event.id, applicationId: application.id, positionId: position.id },
    });
    return row.id;
  }

  it("names the event, its status move, the API key that sent it, and links the ATS ids", async () => {
    const key = await db.apiKey.create({
      data: { organizationId: org, name: "Greenhouse prod", prefix: "sh_live_ab", hash: "h1" },
    });
    const detail = await readAdminDeliveryDetail(db, admin, await deliveryFor(`apikey:${key.id}`));
    expect(detail.cause.event).toMatchObject({
      type: "ApplicationStatusChanged",
      fromStatusKey: "new",
      toStatusKey: "shortlist",
      triggeredBy: "API key “Greenhouse prod” (sh_live_ab…)",
    });
    expect(detail.cause.application).toEqual({
      externalId: `APP-apikey:${key.id}`,
      href: `/applications/${encodeURIComponent(`APP-apikey:${key.id}`)}?org=acme`,
    });
    expect(detail.cause.position?.externalId).toBe(`POS-apikey:${key.id}`);
  });

  it("names the user who moved it from the UI", async () => {
    const detail = await readAdminDeliveryDetail(db, admin, await deliveryFor(admin.actor));
    expect(detail.cause.event?.triggeredBy).toBe("Ops (ops@x.test)");
  });

  it("says when the channel is paused or the destination's circuit is open", async () => {
    const id = await deliveryFor("system");
    expect((await readAdminDeliveryDetail(db, admin, id)).cause).toMatchObject({
      channelPaused: false,
      destinationBlockedUntil: null,
    });
    await db.channelControl.create({ data: { channel: "seek-signal", paused: true } });
    const until = new Date(Date.now() + 60_000);
    await db.destinationState.create({
      data: { destination: "seek", consecutiveFailures: 5, blockedUntil: until, lastError: "HTTP 503" },
    });
    expect((await readAdminDeliveryDetail(db, admin, id)).cause).toMatchObject({
      channelPaused: true,
      destinationBlockedUntil: until.toISOString(),
      destinationLastError: "HTTP 503",
    });
  });
});
