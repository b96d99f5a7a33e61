// The delivery log's filters, search, bulk retry/cancel and CSV export against real databases: each filter
// finds exactly its rows, a bulk change touches only what the filter and the organization allow, and the
// audit row counts it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAllOrganizationsScope, TOrganizationScope, TScope } from "@/lib/data/scope";
import type { Db } from "@/lib/db/client";
import { insertDelivery } from "@/test/support/delivery-rows";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { readAdminDeliveryPage } from "./admin-delivery-list";
import { changeDeliveriesByFilter, countChangeableDeliveries } from "./change-deliveries-by-filter";
import { type TDeliveryLogFilter, ZDeliveryLogQuery } from "./delivery-log-filter";
import { deliveriesCsv } from "./export-deliveries-csv";

describe.each(databasesUnderTest())("delivery log filters on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let admin: TAllOrganizationsScope;
  let acme: string;
  let globex: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.prisma;
    const user = await db.user.create({ data: { email: "ops@x.test", name: "Ops", role: "admin", passwordHash: "x" } });
    admin = { kind: "all", actor: `user:${user.id}`, actorUserId: user.id };
    acme = (await db.organization.create({ data: { slug: "acme", name: "Acme" } })).id;
    globex = (await db.organization.create({ data: { slug: "globex", name: "Globex" } })).id;
    // The same ATS ids in both organizations: ids are unique per organization only.
    const records = async (org: string) => {
      const position = await db.position.create({
        data: { organizationId: org, externalId: "POS-1", title: "Chef", applyUrl: "https://x.test/apply" },
      });
      const candidate = await db.candidate.create({
        data: { organizationId: org, externalId: "CAND-1", givenName: "Ada", familyName: "L" },
      });
      const application = await db.application.create({
        data: { organizationId: org, externalId: "APP-1", positionId: position.id, candidateId: candidate.id },
      });
      return { position, candidate, application };
    };
    const a = await records(acme);
    const g = await records(globex);
    const row = async (name: string, input: Parameters<typeof insertDelivery>[1], link?: typeof a) => {
      const created = await insertDelivery(db, input);
      if (link) {
        await db.delivery.update({
          where: { id: created.id },
          data: { applicationId: link.application.id, positionId: link.position.id, candidateId: link.candidate.id },
        });
      }
      ids[name] = created.id;
    };
    await row("acmeDead", { organizationId: acme, state: "dead", tokenPrefix: "eyJqb2JJ" }, a);
    await row("acmeFailedNote", {
      organizationId: acme,
      state: "failed",
      channel: "linkedin-note",
      kind: "NoteUpsert",
    });
    await row("acmeDelivered", { organizationId: acme, state: "delivered", tokenPrefix: "abcdefgh" }, a);
    await row("globexDead", { organizationId: globex, state: "dead", tokenPrefix: "eyJqb2JK" }, g);
    await row("globexHistory", {
      organizationId: globex,
      state: "pending",
      channel: "seek-history",
      kind: "HistoryCreate",
    });
    await db.deliveryAttempt.create({
      data: {
        deliveryId: ids.acmeDelivered!,
        requestId: "3f2a1b2c-1111-4222-8333-444455556666",
        workerId: "w1",
        durationMs: 12,
        outcome: "delivered",
        errorCodes: [],
      },
    });
    // Created long ago, to test the time range.
    await db.delivery.update({
      where: { id: ids.globexHistory! },
      data: { createdAt: new Date("2026-01-05T00:00:00Z") },
    });
  });
  afterAll(async () => database?.close());

  const list = async (query: Record<string, string>) => {
    const page = await readAdminDeliveryPage(db, admin, ZDeliveryLogQuery.parse(query));
    return page.deliveries.map((row) => Object.entries(ids).find(([, id]) => id === row.id)?.[0]).sort();
  };

  it.each([
    [{}, ["acmeDead", "acmeDelivered", "acmeFailedNote", "globexDead", "globexHistory"]],
    [{ channel: "linkedin-note" }, ["acmeFailedNote"]],
    [{ state: "dead" }, ["acmeDead", "globexDead"]],
    [{ channel: "seek-signal", state: "dead" }, ["acmeDead", "globexDead"]],
    [{ kind: "HistoryCreate" }, ["globexHistory"]],
    [{ organization: "ORG_ACME" }, ["acmeDead", "acmeDelivered", "acmeFailedNote"]],
    [{ application: "APP-1" }, ["acmeDead", "acmeDelivered", "globexDead"]],
    [{ application: "APP-1", organization: "ORG_GLOBEX" }, ["globexDead"]],
    [{ position: "POS-1", state: "delivered" }, ["acmeDelivered"]],
    [{ candidate: "CAND-1", organization: "ORG_ACME" }, ["acmeDead", "acmeDelivered"]],
    [{ application: "NO-SUCH-APP" }, []],
    [{ to: "2026-02-01" }, ["globexHistory"]],
    [{ from: "2026-02-01" }, ["acmeDead", "acmeDelivered", "acmeFailedNote", "globexDead"]],
    [{ q: "3f2a1b2c-1111-4222-8333-444455556666" }, ["acmeDelivered"]],
    [{ q: "APP-1", organization: "ORG_ACME" }, ["acmeDead", "acmeDelivered"]],
    [{ q: "eyJqb2JJZCI6IjEyMyJ9.the-rest-of-a-token" }, ["acmeDead"]],
    [{ q: "eyJqb2J" }, ["acmeDead", "globexDead"]],
  ])("filter %o finds exactly its rows", async (query, expected) => {
    const resolved = Object.fromEntries(
      Object.entries(query).map(([key, value]) => [key, value.replace("ORG_ACME", acme).replace("ORG_GLOBEX", globex)]),
    );
    expect(await list(resolved)).toEqual(expected);
  });

  it("finds a delivery by its id, and by an internal application id", async () => {
    expect(await list({ q: ids.acmeFailedNote! })).toEqual(["acmeFailedNote"]);
    const internal = await db.application.findFirstOrThrow({ where: { organizationId: acme } });
    expect(await list({ application: internal.id })).toEqual(["acmeDead", "acmeDelivered"]);
  });

  it("finds one webhook's deliveries by the ATS's webhook id, a partner's webhook in each organization it served", async () => {
    const subscription = (organizationId: string | null, webhookId: string) =>
      db.webhookSubscription.create({
        data: { organizationId, webhookId, url: "https://ats.test/hooks", events: ["delivery.failed"], secretEnc: "x" },
      });
    const ops = await subscription(acme, "ops");
    const audit = await subscription(acme, "audit");
    const sameIdElsewhere = await subscription(globex, "ops");
    const partner = await subscription(null, "partner-feed");
    const webhookRow = async (organizationId: string, subscriptionId: string) =>
      (
        await db.delivery.create({
          data: {
            organizationId,
            channel: "webhook",
            kind: "delivery.failed",
            destination: `webhook:${subscriptionId}`,
            payload: {},
            state: "failed",
            occurredAt: new Date("2026-11-23T09:00:00.000Z"),
          },
        })
      ).id;
    const rows = {
      acmeOps: await webhookRow(acme, ops.id),
      acmeAudit: await webhookRow(acme, audit.id),
      globexOps: await webhookRow(globex, sameIdElsewhere.id),
      acmePartner: await webhookRow(acme, partner.id),
      globexPartner: await webhookRow(globex, partner.id),
    };
    const found = async (query: Record<string, string>, scope: TScope = admin) =>
      (await readAdminDeliveryPage(db, scope, ZDeliveryLogQuery.parse(query))).deliveries
        .map((row) => Object.entries(rows).find(([, id]) => id === row.id)?.[0])
        .sort();
    try {
      expect(await found({ organization: acme, channel: "webhook", webhook: "ops", state: "failed" })).toEqual([
        "acmeOps",
      ]);
      expect(await found({ webhook: "ops" })).toEqual(["acmeOps", "globexOps"]);
      expect(await found({ organization: acme, webhook: "partner-feed" })).toEqual(["acmePartner"]);
      expect(await found({ webhook: "partner-feed" })).toEqual(["acmePartner", "globexPartner"]);
      expect(await found({ webhook: "no-such-hook" })).toEqual([]);
      // A bulk retry from the filtered view reaches only that webhook's rows.
      expect(await countChangeableDeliveries(db, admin, "retry", { organization: acme, webhook: "ops" })).toBe(1);
      // The webhook filter never widens a hirer's view beyond its organization.
      const hirer: TOrganizationScope = { kind: "organization", organizationId: globex, actor: "u", actorUserId: null };
      expect(await found({ webhook: "ops" }, hirer)).toEqual(["globexOps"]);
      expect(await found({ organization: acme, webhook: "ops" }, hirer)).toEqual([]);
    } finally {
      await db.delivery.deleteMany({ where: { id: { in: Object.values(rows) } } });
      await db.webhookSubscription.deleteMany({
        where: { id: { in: [ops.id, audit.id, sameIdElsewhere.id, partner.id] } },
      });
    }
  });

  it("keeps keyset paging stable under filters: pages of one never repeat or skip a row", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await readAdminDeliveryPage(
        db,
        admin,
        ZDeliveryLogQuery.parse({ state: "dead", limit: "1", ...(cursor ? { cursor } : {}) }),
      );
      seen.push(...page.deliveries.map((row) => row.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([ids.globexDead, ids.acmeDead]);
  });

  it("a hirer's scope never lists another organization's rows, whatever the filter says", async () => {
    const hirer: TOrganizationScope = {
      kind: "organization",
      organizationId: acme,
      actor: "user:h",
      actorUserId: null,
    };
    const page = await readAdminDeliveryPage(db, hirer, ZDeliveryLogQuery.parse({ organization: globex }));
    expect(page.deliveries).toEqual([]);
  });

  it("bulk cancel touches only the filter's changeable rows in the chosen organization and audits the count", async () => {
    const filter: TDeliveryLogFilter = { organization: acme, channel: "linkedin-note" };
    expect(await countChangeableDeliveries(db, admin, "cancel", filter)).toBe(1);
    const before = await db.delivery.findMany({ orderBy: { id: "asc" } });
    const result = await changeDeliveriesByFilter(db, admin, "cancel", { filter, confirmedCount: 1 });
    expect(result).toMatchObject({ changed: 1, confirmed: 1 });
    const after = await db.delivery.findMany({ orderBy: { id: "asc" } });
    for (const row of after) {
      const was = before.find((b) => b.id === row.id);
      if (row.id === ids.acmeFailedNote)
        expect(row).toMatchObject({ state: "cancelled", lastErrorCode: "CANCELLED_BY_ADMIN" });
      else expect(row).toEqual(was);
    }
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "delivery.bulk_cancel" } });
    expect(audit).toMatchObject({ count: 1, organizationId: acme, actorUserId: admin.actorUserId });
    expect(audit.details).toMatchObject({
      filter: { organization: acme, channel: "linkedin-note" },
      confirmedCount: 1,
    });
  });

  it("requeue dead retries dead rows of one organization only, and says when the count moved", async () => {
    const filter: TDeliveryLogFilter = { organization: globex, state: "dead" };
    expect(await countChangeableDeliveries(db, admin, "retry", filter)).toBe(1);
    const result = await changeDeliveriesByFilter(db, admin, "retry", { filter, confirmedCount: 3 });
    expect(result).toMatchObject({ changed: 1, confirmed: 3 });
    expect((await db.delivery.findUniqueOrThrow({ where: { id: ids.globexDead! } })).state).toBe("pending");
    expect((await db.delivery.findUniqueOrThrow({ where: { id: ids.acmeDead! } })).state).toBe("dead");
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "delivery.bulk_retry" } })).toMatchObject({
      count: 1,
    });
    // Nothing left to retry: an error saying so, and no audit row.
    await expect(changeDeliveriesByFilter(db, admin, "retry", { filter, confirmedCount: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.auditLog.count({ where: { action: "delivery.bulk_retry" } })).toBe(1);
  });

  it("a bulk change on an organization-scoped caller cannot reach another organization", async () => {
    const hirer: TOrganizationScope = {
      kind: "organization",
      organizationId: globex,
      actor: "user:h",
      actorUserId: null,
    };
    expect(await countChangeableDeliveries(db, hirer, "retry", { organization: acme })).toBe(0);
  });

  it("exports the filter's rows as CSV with token prefixes only, and no cell a spreadsheet would run", async () => {
    await db.delivery.update({
      where: { id: ids.acmeDead! },
      data: { lastError: '=HYPERLINK("http://x.test","a, b")' },
    });
    let csv = "";
    for await (const chunk of deliveriesCsv(db, admin, { organization: acme, state: "dead" })) csv += chunk;
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "id,createdAt,organizationId,channel,kind,state,attempts,nextAttemptAt,deliveredAt,lastErrorCode,lastError,tokenPrefix,organizationName,applicationExternalId,positionExternalId,candidateExternalId,change",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(ids.acmeDead);
    expect(lines[1]).toContain(',"\'=HYPERLINK(""http://x.test"",""a, b"")",eyJqb2JJ…,Acme,');
  });
});
