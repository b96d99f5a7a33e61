// The organization page's webhook list (lib/webhooks/organization-webhooks.ts): each subscription with its
// deliveries waiting, failed and dead, counted per subscription, never another organization's, and its URL
// without the query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAllOrganizationsScope } from "@/lib/data/scope";
import type { Db } from "@/lib/db/client";
import { listOrganizationWebhooks } from "@/lib/webhooks/organization-webhooks";
import { webhookDestination } from "@/lib/webhooks/webhook-events";
import { addDeliveries, createOrganization, many } from "../../support/delivery-fixtures";
import { orgScope } from "../../support/org-scope";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../../support/test-databases";

const admin: TAllOrganizationsScope = { kind: "all", actor: "user:admin", actorUserId: "admin" };

describe.each(databasesUnderTest())("an organization's webhooks on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    db = t.prisma;
  });
  afterAll(async () => t.close());

  const subscribe = (organizationId: string, webhookId: string, url: string) =>
    db.webhookSubscription.create({
      data: { organizationId, webhookId, url, events: ["delivery.failed"], secretEnc: "sealed" },
    });
  const setStates = async (ids: string[], state: "pending" | "in_flight" | "failed" | "dead" | "delivered") =>
    db.delivery.updateMany({ where: { id: { in: ids } }, data: { state } });

  it("counts each subscription's waiting, failed and dead deliveries, and hides the URL's query", async () => {
    const org = await createOrganization(db);
    const other = await createOrganization(db);
    const a = await subscribe(org, "ops", "https://ats.example.com/hooks/a?token=hush");
    const b = await subscribe(org, "audit", "https://ats.example.com/hooks/b");
    const theirs = await subscribe(other, "ops", "https://elsewhere.example.com/h");
    const rows = (destination: string, n: number, organizationId = org) =>
      addDeliveries(
        db,
        organizationId,
        many(n, () => ({ channel: "webhook", destination })),
      );

    const aPending = await rows(webhookDestination(a.id), 2);
    await setStates(await rows(webhookDestination(a.id), 3), "failed");
    await setStates(await rows(webhookDestination(a.id), 1), "dead");
    await setStates(await rows(webhookDestination(a.id), 4), "delivered");
    await setStates(await rows(webhookDestination(b.id), 1), "in_flight");
    // another organization's subscription and rows are not this page's
    await setStates(await rows(webhookDestination(theirs.id), 5, other), "failed");

    const listed = await listOrganizationWebhooks(db, admin, org);
    expect(
      listed.map(({ webhookId, url, waiting, failed, dead }) => ({ webhookId, url, waiting, failed, dead })),
    ).toEqual([
      { webhookId: "ops", url: "https://ats.example.com/hooks/a?…", waiting: aPending.length, failed: 3, dead: 1 },
      { webhookId: "audit", url: "https://ats.example.com/hooks/b", waiting: 1, failed: 0, dead: 0 },
    ]);
  });

  it("gives a hirer of another organization nothing", async () => {
    const org = await createOrganization(db);
    await subscribe(org, "ops", "https://ats.example.com/hooks/x");
    const outsider = await createOrganization(db);
    expect(await listOrganizationWebhooks(db, orgScope(outsider), org)).toEqual([]);
    expect(await listOrganizationWebhooks(db, orgScope(org), org)).toHaveLength(1);
  });
});
