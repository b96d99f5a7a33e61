// The periodic webhook checks at the library level: deadline.missed once per delivery, channel
// degraded/recovered once per transition and to partner subscriptions only (organizationId null).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { ensureDefaultOrganization } from "@/lib/organizations/default-organization";
import { emitChannelHealth, emitMissedDeadlines } from "@/lib/webhooks/operational-checks";
import { addDeliveries, createOrganization } from "../../support/delivery-fixtures";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../../support/test-databases";

describe.each(databasesUnderTest())("webhook checks on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let orgA: string;
  let orgB: string;
  let subs: { a: string; b: string; partner: string };

  const sub = (organizationId: string | null, webhookId: string, events: string[]) =>
    db.webhookSubscription
      .create({ data: { organizationId, webhookId, url: "http://127.0.0.1:9/h", events, secretEnc: "x" } })
      .then((s) => s.id);
  const hooks = (subscriptionId: string) =>
    db.delivery
      .findMany({ where: { channel: "webhook", destination: `webhook:${subscriptionId}` }, orderBy: { seq: "asc" } })
      .then((rows) =>
        rows.map((r) => ({ kind: r.kind, data: (r.payload as { body: { data: Record<string, unknown> } }).body.data })),
      );

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    db = t.prisma;
    await ensureDefaultOrganization(db);
    orgA = await createOrganization(db, "org-a");
    orgB = await createOrganization(db, "org-b");
    const all = ["deadline.missed", "channel.degraded", "channel.recovered"];
    subs = { a: await sub(orgA, "a", all), b: await sub(orgB, "b", all), partner: await sub(null, "p", all) };
  });
  afterAll(async () => {
    await t.close();
  });

  it("deadline.missed: once per delivery, to its organization and the partner, never to another organization", async () => {
    const now = new Date();
    const [late] = await addDeliveries(db, orgA, [
      { channel: "seek-history", dueBy: new Date(now.getTime() - 5_000), createdAt: new Date(now.getTime() - 65_000) },
    ]);
    await addDeliveries(db, orgA, [{ channel: "seek-history", dueBy: new Date(now.getTime() + 30_000) }]);
    expect(await emitMissedDeadlines(db, now)).toBe(2);
    expect(await emitMissedDeadlines(db, new Date(now.getTime() + 1_000))).toBe(0);
    expect(await hooks(subs.a)).toEqual([
      { kind: "deadline.missed", data: expect.objectContaining({ deliveryId: late, organization: "org-a" }) },
    ]);
    expect(await hooks(subs.partner)).toEqual([
      { kind: "deadline.missed", data: expect.objectContaining({ deliveryId: late }) },
    ]);
    expect(await hooks(subs.b)).toEqual([]);
  });

  it("channel.degraded when a board's circuit opens, channel.recovered when it closes: once each, partner only", async () => {
    await db.delivery.deleteMany({});
    const now = new Date();
    await db.destinationState.create({
      data: { destination: "seek", consecutiveFailures: 1, blockedUntil: new Date(now.getTime() + 30_000) },
    });
    expect(await emitChannelHealth(db, now)).toBe(1);
    expect(await emitChannelHealth(db, new Date(now.getTime() + 1_000))).toBe(0);
    await db.destinationState.update({
      where: { destination: "seek" },
      data: { blockedUntil: null, consecutiveFailures: 0 },
    });
    expect(await emitChannelHealth(db, new Date(now.getTime() + 2_000))).toBe(1);
    expect(await emitChannelHealth(db, new Date(now.getTime() + 3_000))).toBe(0);
    expect((await hooks(subs.partner)).map((h) => [h.kind, h.data.destination])).toEqual([
      ["channel.degraded", "seek"],
      ["channel.recovered", "seek"],
    ]);
    expect(await hooks(subs.a)).toEqual([]);
  });

  it("channel.degraded when the oldest pending delivery has waited more than 60 s", async () => {
    await db.delivery.deleteMany({});
    await db.webhookNotice.deleteMany({});
    const now = new Date();
    await addDeliveries(db, orgB, [
      { destination: "linkedin:x", channel: "linkedin-note", createdAt: new Date(now.getTime() - 61_000) },
    ]);
    expect(await emitChannelHealth(db, now)).toBe(1);
    expect((await hooks(subs.partner)).map((h) => [h.kind, h.data.destination])).toEqual([
      ["channel.degraded", "linkedin:x"],
    ]);
  });
});
