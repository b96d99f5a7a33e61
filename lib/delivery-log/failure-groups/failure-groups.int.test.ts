// Failure groups (organization + channel + error code) with first/last seen, counts, a sample and the
// admin's mark; "recover everything failed since …"; the count behind "Retry 7 of the 9 selected?"; and
// the log's error filter the groups link to. Times are relative to one real clock (the rows' updatedAt is
// compared with the database's now()).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAllOrganizationsScope, TOrganizationScope } from "@/lib/data/scope";
import type { Db } from "@/lib/db/client";
import { seedAdminAndOrganization } from "@/test/support/admin-scope";
import { insertDelivery } from "@/test/support/delivery-rows";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { readAdminDeliveryPage } from "../admin-delivery-list";
import { countChangeableNamed } from "../change-named-deliveries";
import { ZDeliveryLogQuery } from "../delivery-log-filter";
import { listFailureGroups } from "./list-failure-groups";
import { markFailureGroup } from "./mark-failure-group";
import { countFailedSince, recoverFailedSince } from "./recover-failed-since";

const HOUR = 3_600_000;
const now = Date.now();
const hoursAgo = (hours: number) => new Date(now - hours * HOUR);

describe.each(databasesUnderTest())("failure groups on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let admin: TAllOrganizationsScope;
  let org: string;
  let other: string;

  async function failed(
    organizationId: string,
    code: string | null,
    gaveUpAt: Date,
    state: "failed" | "dead" = "failed",
  ) {
    const row = await insertDelivery(db, {
      organizationId,
      state,
      lastErrorCode: code,
      lastError: code ? `${code}: the board said no (Authorization: Bearer sk_live_secret_0123)` : null,
    });
    await db.$executeRaw`UPDATE "Delivery" SET "updatedAt" = ${gaveUpAt.toISOString()}::timestamp WHERE id = ${row.id}`;
    return row.id;
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.prisma;
    ({ admin, org } = await seedAdminAndOrganization(db));
    other = (await db.organization.create({ data: { slug: "globex", name: "Globex" } })).id;
    await failed(org, "SEEK_5XX", hoursAgo(5));
    await failed(org, "SEEK_5XX", hoursAgo(2), "dead");
    await failed(org, "SEEK_5XX", hoursAgo(1));
    await failed(org, "BAD_USER_INPUT", hoursAgo(3));
    await failed(other, "SEEK_5XX", hoursAgo(4));
    await insertDelivery(db, { organizationId: org, state: "delivered" });
  });
  afterAll(async () => database?.close());

  it("groups failed and dead rows by organization, channel and error code, newest first, with first/last seen and a sample", async () => {
    const groups = await listFailureGroups(db, admin);
    expect(groups.map((g) => [g.organizationName, g.channel, g.errorCode, g.count])).toEqual([
      ["Acme", "seek-signal", "SEEK_5XX", 3],
      ["Acme", "seek-signal", "BAD_USER_INPUT", 1],
      ["Globex", "seek-signal", "SEEK_5XX", 1],
    ]);
    const seek = groups[0];
    expect(seek).toMatchObject({ failed: 2, dead: 1, status: "open", mark: null });
    expect(seek?.firstSeen).toBe(hoursAgo(5).toISOString());
    expect(seek?.lastSeen).toBe(hoursAgo(1).toISOString());
    expect(seek?.sample.error).toMatch(/^SEEK_5XX: the board said no/);
    expect(seek?.sample.error).not.toContain("sk_live_secret_0123");
    expect(seek?.logSearch).toEqual({ organization: org, channel: "seek-signal", error: "SEEK_5XX" });
  });

  it("a hirer's scope sees only its own organization's groups", async () => {
    const hirer: TOrganizationScope = {
      kind: "organization",
      organizationId: other,
      actor: "system",
      actorUserId: null,
    };
    const groups = await listFailureGroups(db, hirer);
    expect(groups.map((g) => g.organizationName)).toEqual(["Globex"]);
  });

  it("acknowledging marks the group; resolving hides it until it fails again after the resolution", async () => {
    const key = { organizationId: org, channel: "seek-signal" as const, errorCode: "BAD_USER_INPUT" };
    await markFailureGroup(db, admin, { ...key, status: "acknowledged" }, { byLabel: "ops@x.test" });
    let group = (await listFailureGroups(db, admin)).find((g) => g.errorCode === "BAD_USER_INPUT");
    expect(group).toMatchObject({ status: "acknowledged", mark: { status: "acknowledged", byLabel: "ops@x.test" } });

    await markFailureGroup(db, admin, { ...key, status: "resolved" }, { byLabel: "ops@x.test" });
    group = (await listFailureGroups(db, admin)).find((g) => g.errorCode === "BAD_USER_INPUT");
    expect(group?.status).toBe("resolved");

    await failed(org, "BAD_USER_INPUT", new Date(Date.now() + 60_000));
    group = (await listFailureGroups(db, admin)).find((g) => g.errorCode === "BAD_USER_INPUT");
    expect(group?.status).toBe("open");
    expect(await db.auditLog.count({ where: { action: "failure_group.resolve" } })).toBe(1);
  });

  it("refuses to mark a group of an organization outside a hirer's scope", async () => {
    const hirer: TOrganizationScope = {
      kind: "organization",
      organizationId: other,
      actor: "system",
      actorUserId: null,
    };
    await expect(
      markFailureGroup(
        db,
        hirer,
        { organizationId: org, channel: "seek-signal", errorCode: "X", status: "resolved" },
        { byLabel: "h" },
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the log's error filter lists exactly a group's rows", async () => {
    const page = await readAdminDeliveryPage(
      db,
      admin,
      ZDeliveryLogQuery.parse({ organization: org, channel: "seek-signal", error: "SEEK_5XX" }),
    );
    expect(page.deliveries).toHaveLength(3);
    expect(ZDeliveryLogQuery.safeParse({ error: "no spaces please" }).success).toBe(false);
  });

  it("counts what failed since a time by channel and error, then retries exactly those", async () => {
    const plan = await countFailedSince(db, admin, hoursAgo(4.5));
    expect(plan.byChannelAndError).toEqual([
      { channel: "seek-signal", errorCode: "SEEK_5XX", count: 3 },
      { channel: "seek-signal", errorCode: "BAD_USER_INPUT", count: 2 },
    ]);
    expect(plan.total).toBe(5);
    const result = await recoverFailedSince(db, admin, { since: hoursAgo(4.5), confirmedCount: plan.total });
    expect(result).toEqual({ retried: 5, confirmed: 5 });
    // The one that gave up before the moment is left alone.
    expect(await db.delivery.count({ where: { state: { in: ["failed", "dead"] } } })).toBe(1);
    expect((await countFailedSince(db, admin, hoursAgo(4.5))).total).toBe(0);
    await expect(recoverFailedSince(db, admin, { since: hoursAgo(4.5), confirmedCount: 5 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("counts how many of the selected rows a retry or cancel would change", async () => {
    const delivered = await insertDelivery(db, { organizationId: org, state: "delivered" });
    const dead = await insertDelivery(db, { organizationId: org, state: "dead" });
    const pending = await insertDelivery(db, { organizationId: org, state: "pending" });
    const input = { deliveryIds: [delivered.id, dead.id, pending.id] };
    expect(await countChangeableNamed(db, admin, "retry", input)).toBe(2);
    const hirer: TOrganizationScope = {
      kind: "organization",
      organizationId: other,
      actor: "system",
      actorUserId: null,
    };
    expect(await countChangeableNamed(db, hirer, "retry", input)).toBe(0);
  });
});
