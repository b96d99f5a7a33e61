// The admin deliveries page's reads: every organization's rows newest first, filters, stable keyset
// pages, counts by state, one delivery with its attempts, and nothing secret on its way to a browser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { TAllOrganizationsScope, TOrganizationScope } from "@/lib/data/scope";
import type { LinkedinSettings } from "@/lib/linkedin/linkedin-settings";
import { reserveLinkedinRequest } from "@/lib/linkedin/throttle";
import { insertDelivery, logAttempt } from "@/test/support/delivery-rows";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { readAdminDeliveryDetail } from "./admin-delivery-detail";
import { readAdminDeliveryPage } from "./admin-delivery-list";
import { ZDeliveryLogQuery } from "./delivery-log-filter";
import { listLinkedinBudgets } from "./list-linkedin-budgets";

const SEEK_TOKEN = "eyJqb2JJZCI6NDIsImNhbmRpZGF0ZUlkIjo3fQ+secret/tail==";
const query = (raw: Record<string, string>) => ZDeliveryLogQuery.parse(raw);

describe.each(databasesUnderTest())("admin delivery reads on %s", (kind) => {
  let database: TestDatabase;
  let admin: TAllOrganizationsScope;
  let acme: string;
  let globex: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const db = database.prisma;
    const user = await db.user.create({ data: { email: "a@x.test", name: "A", role: "admin", passwordHash: "x" } });
    admin = { kind: "all", actor: `user:${user.id}`, actorUserId: user.id };
    acme = (await db.organization.create({ data: { slug: "acme", name: "Acme" } })).id;
    globex = (await db.organization.create({ data: { slug: "globex", name: "Globex" } })).id;
    // seq order: acme pending signal, globex failed signal, acme delivered note, globex pending history, acme dead signal
    await insertDelivery(db, { organizationId: acme, state: "pending" });
    await insertDelivery(db, { organizationId: globex, state: "failed", lastErrorCode: "BAD_USER_INPUT" });
    await insertDelivery(db, {
      organizationId: acme,
      state: "delivered",
      channel: "linkedin-note",
      kind: "NoteUpsert",
    });
    await insertDelivery(db, {
      organizationId: globex,
      state: "pending",
      channel: "seek-history",
      kind: "HistoryCreate",
    });
    await insertDelivery(db, { organizationId: acme, state: "dead" });
  });
  afterAll(async () => database?.close());

  it("shows admins every organization's deliveries, newest first by seq", async () => {
    const page = await readAdminDeliveryPage(database.prisma, admin, query({}));
    expect(page.deliveries.map((d) => [d.organizationId, d.state])).toEqual([
      [acme, "dead"],
      [globex, "pending"],
      [acme, "delivered"],
      [globex, "failed"],
      [acme, "pending"],
    ]);
    expect(page.nextCursor).toBeNull();
    expect(typeof page.deliveries[0]?.createdAt).toBe("string");
  });

  it("filters by state, by channel and by organization, together", async () => {
    const pending = await readAdminDeliveryPage(database.prisma, admin, query({ state: "pending" }));
    expect(pending.deliveries.map((d) => d.organizationId)).toEqual([globex, acme]);
    const signals = await readAdminDeliveryPage(database.prisma, admin, query({ channel: "seek-signal" }));
    expect(signals.deliveries.map((d) => d.state)).toEqual(["dead", "failed", "pending"]);
    const acmeSignals = await readAdminDeliveryPage(
      database.prisma,
      admin,
      query({ channel: "seek-signal", organization: acme, state: "pending" }),
    );
    expect(acmeSignals.deliveries).toHaveLength(1);
    expect(acmeSignals.deliveries[0]).toMatchObject({ organizationId: acme, state: "pending", channel: "seek-signal" });
  });

  it("counts rows by state for the organization and channel filter, every state present", async () => {
    const all = await readAdminDeliveryPage(database.prisma, admin, query({ state: "failed" }));
    expect(all.counts).toEqual({
      pending: 2,
      in_flight: 0,
      delivered: 1,
      failed: 1,
      dead: 1,
      expired: 0,
      cancelled: 0,
    });
    const acmeSignals = await readAdminDeliveryPage(
      database.prisma,
      admin,
      query({ organization: acme, channel: "seek-signal" }),
    );
    expect(acmeSignals.counts).toMatchObject({ pending: 1, dead: 1, delivered: 0, failed: 0 });
  });

  it("rejects an unknown state or channel with a message naming the allowed values; a blank filter means none", () => {
    const badState = ZDeliveryLogQuery.safeParse({ state: "lost" });
    expect(badState.success).toBe(false);
    expect(badState.error?.issues[0]?.path).toEqual(["state"]);
    expect(badState.error?.issues[0]?.message).toContain('"failed"');
    const badChannel = ZDeliveryLogQuery.safeParse({ channel: "fax" });
    expect(badChannel.error?.issues[0]?.message).toContain('"seek-signal"');
    expect(ZDeliveryLogQuery.safeParse({ cursor: "abc" }).success).toBe(false);
    expect(ZDeliveryLogQuery.safeParse({ extra: "1" }).success).toBe(false);
    expect(query({ state: "", channel: "", organization: "" })).toEqual({ limit: 50 });
  });

  it("keeps pages stable while rows are added: no row twice, none skipped", async () => {
    const db = database.prisma;
    const org = (await db.organization.create({ data: { slug: "pages", name: "Pages" } })).id;
    const made = [];
    for (let i = 0; i < 7; i++) made.push((await insertDelivery(db, { organizationId: org })).id);
    const newestFirst = [...made].reverse();

    const first = await readAdminDeliveryPage(db, admin, query({ organization: org, limit: "3" }));
    expect(first.deliveries.map((d) => d.id)).toEqual(newestFirst.slice(0, 3));
    expect(first.nextCursor).toMatch(/^\d+$/);
    // Two rows arrive between page loads: later pages do not shift.
    await insertDelivery(db, { organizationId: org });
    await insertDelivery(db, { organizationId: org });
    const second = await readAdminDeliveryPage(
      db,
      admin,
      query({ organization: org, limit: "3", cursor: first.nextCursor! }),
    );
    expect(second.deliveries.map((d) => d.id)).toEqual(newestFirst.slice(3, 6));
    const third = await readAdminDeliveryPage(
      db,
      admin,
      query({ organization: org, limit: "3", cursor: second.nextCursor! }),
    );
    expect(third.deliveries.map((d) => d.id)).toEqual(newestFirst.slice(6));
    expect(third.nextCursor).toBeNull();
  });

  it("a hirer's scope never reaches another organization's rows, even when asked for them by id or filter", async () => {
    const hirer: TOrganizationScope = { kind: "organization", organizationId: acme, actor: "user:h", actorUserId: "h" };
    const page = await readAdminDeliveryPage(database.prisma, hirer, query({ organization: globex }));
    expect(page.deliveries).toEqual([]);
    expect(Object.values(page.counts).every((n) => n === 0)).toBe(true);
    const foreign = await database.prisma.delivery.findFirstOrThrow({ where: { organizationId: globex } });
    await expect(readAdminDeliveryDetail(database.prisma, hirer, foreign.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("opens one delivery with its attempts, newest last, and its payload's token shown only as a prefix + '…'", async () => {
    const db = database.prisma;
    const row = await insertDelivery(db, {
      organizationId: acme,
      state: "pending",
      attempts: 2,
      tokenPrefix: SEEK_TOKEN.slice(0, 8),
      lastError: `SEEK said the token ${SEEK_TOKEN} is not valid`,
      payload: { typeCode: "ApplicationStatusUpdate", token: SEEK_TOKEN, current: { status: { label: "New" } } },
    });
    // Bodies as a channel that forgot to redact would store them: the display must still mask them.
    await logAttempt(db, {
      deliveryId: row.id,
      channel: row.channel,
      attempt: {
        requestId: "req-2",
        workerId: "worker-b",
        startedAt: new Date("2026-11-23T10:05:00.000Z"),
        durationMs: 120,
        httpStatus: 401,
        outcome: "retry",
        errorCodes: ["UNAUTHENTICATED"],
        errorMessage: "Authorization header Bearer sk_partner_0123456789abcdef was refused",
      },
      requestBody: JSON.stringify({ query: "mutation", variables: { input: { token: SEEK_TOKEN } } }),
      responseBody: '{"errors":[{"message":"Authorization header missing"}]}',
    });
    await logAttempt(db, {
      deliveryId: row.id,
      channel: row.channel,
      attempt: {
        requestId: "req-1",
        workerId: "worker-a",
        startedAt: new Date("2026-11-23T10:00:00.000Z"),
        durationMs: 3000,
        httpStatus: null,
        outcome: "retry",
        errorCodes: ["TIMEOUT"],
      },
      requestBody: `token=${encodeURIComponent(SEEK_TOKEN)}`,
      responseBody: null,
    });

    const detail = await readAdminDeliveryDetail(db, admin, row.id);
    expect(detail).toMatchObject({ id: row.id, organizationName: "Acme", attempts: 2, tokenPrefix: "eyJqb2JJ" });
    expect(detail.attemptLog.map((a) => [a.requestId, a.workerId])).toEqual([
      ["req-1", "worker-a"],
      ["req-2", "worker-b"],
    ]);
    expect(JSON.parse(detail.payloadText)).toEqual({
      typeCode: "ApplicationStatusUpdate",
      token: "eyJqb2JJ…",
      current: { status: { label: "New" } },
    });
    // Pretty-printed JSON bodies, masked by key; the form body and messages masked by value and shape.
    expect(detail.attemptLog[1]?.requestBody).toContain('"token": "eyJqb2JJ…"');
    expect(detail.attemptLog[1]?.responseBody).toContain('\n  "errors": [');
    const everything = JSON.stringify(detail);
    expect(everything).not.toContain(SEEK_TOKEN);
    expect(everything).not.toContain(encodeURIComponent(SEEK_TOKEN));
    expect(everything).not.toContain("secret/tail");
    expect(everything).not.toContain("sk_partner_0123456789abcdef");

    const listed = await readAdminDeliveryPage(db, admin, query({ organization: acme, limit: "1" }));
    expect(listed.deliveries[0]?.id).toBe(row.id);
    expect(JSON.stringify(listed)).not.toContain(SEEK_TOKEN);
    expect(JSON.stringify(listed)).not.toContain("payload");
  });

  it("lists LinkedIn's remaining daily budget for each configured organization, and which are not", async () => {
    const db = database.prisma;
    const key = "test-encryption-key-0123456789abcdef";
    const settings: LinkedinSettings = {
      apiUrl: "http://127.0.0.1:1",
      tokenUrl: "http://127.0.0.1:1/token",
      encryptionKey: key,
      defaultOrganization: {},
    };
    const configured = await db.organization.create({
      data: {
        slug: "li-on",
        name: "LinkedIn On",
        linkedinClientId: "li-client-1",
        linkedinClientSecretEnc: encryptSecret("client secret", key),
        linkedinIntegrationContext: "urn:li:organization:1",
      },
    });
    await db.organization.create({ data: { slug: "li-half", name: "LinkedIn Half", linkedinClientId: "li-client-2" } });
    const now = new Date("2026-11-23T12:00:00.000Z");
    const limits = { recordsPerMinute: 10_000, requestsPerDay: 100 };
    for (let i = 0; i < 3; i++) await reserveLinkedinRequest(db, { clientId: "li-client-1", records: 5, now, limits });

    const budgets = await listLinkedinBudgets(db, admin, { settings, now, limits });
    expect(budgets.configured).toEqual([
      {
        organizationId: configured.id,
        organizationName: "LinkedIn On",
        clientId: "li-client-1",
        limit: 100,
        used: 3,
        remaining: 97,
        resetsAt: "2026-11-24T00:00:00.000Z",
      },
    ]);
    expect(budgets.incomplete.map((o) => o.organizationName)).toEqual(["LinkedIn Half"]);
    expect(budgets.notConfiguredCount).toBe(3); // acme, globex, pages
    expect(JSON.stringify(budgets)).not.toContain("client secret");
  });
});
