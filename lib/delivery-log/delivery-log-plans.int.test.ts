// The delivery log stays index-backed on a large outbox: 1,000,000 rows seeded with generate_series, then
// EXPLAIN (FORMAT JSON) of exactly the SQL the page runs (deliveryLogPageSql) must show an index and no
// Seq Scan on "Delivery" for the first page and for filtered pages. Plans only, no timings (bench/ times
// them). PostgreSQL only: PGlite is the small-install database, and its planner statistics differ.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAllOrganizationsScope } from "@/lib/data/scope";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { deliveryLogPageSql } from "./delivery-views";
import type { TResolvedLogFilter } from "./resolve-log-filter";

const ROWS = 1_000_000;
type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

function scans(node: PlanNode): string[] {
  const own = /Scan/.test(node["Node Type"])
    ? [`${node["Node Type"]}${node["Index Name"] ? ` ${node["Index Name"]}` : ""} on ${node["Relation Name"] ?? "?"}`]
    : [];
  return [...own, ...(node.Plans ?? []).flatMap(scans)];
}

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("delivery log query plans on 1,000,000 rows", () => {
  let database: TestDatabase;
  let db: Db;
  const admin: TAllOrganizationsScope = { kind: "all", actor: "user:bench", actorUserId: "bench" };

  beforeAll(async () => {
    database = await openTestDatabase("postgres");
    db = database.prisma;
    await db.$executeRawUnsafe(
      `INSERT INTO "Organization" (id, slug, name, "updatedAt") SELECT 'org' || i, 'org' || i, 'Org ' || i, now() FROM generate_series(0, 19) i`,
    );
    // Mostly delivered; 0.5% dead; ids of applications repeat every 5,000 rows; token prefixes vary.
    await db.$executeRawUnsafe(`
      INSERT INTO "Delivery" (id, "organizationId", channel, kind, destination, payload, state, attempts, "nextAttemptAt",
                              "occurredAt", "createdAt", "updatedAt", "applicationId", "positionId", "candidateId", "tokenPrefix")
      SELECT 'd' || i, 'org' || (i % 20),
             (ARRAY['seek-signal','seek-signal','seek-history','linkedin-note'])[1 + i % 4],
             (ARRAY['ApplicationStatusUpdate','ApplicationStatusUpdate','HistoryCreate','NoteUpsert'])[1 + i % 4],
             'seek', '{}'::jsonb,
             (CASE WHEN i % 200 = 0 THEN 'dead' WHEN i % 97 = 0 THEN 'failed' ELSE 'delivered' END)::"DeliveryState",
             1, now(), now(), now() - make_interval(secs => ${ROWS} - i), now(),
             'app' || (i % 5000), 'pos' || (i % 500), 'cand' || (i % 5000), substr(md5(i::text), 1, 8)
      FROM generate_series(1, ${ROWS}) i`);
    await db.$executeRawUnsafe(`
      INSERT INTO "DeliveryAttempt" (id, "deliveryId", "requestId", "workerId", "durationMs", outcome, "errorCodes")
      SELECT 'a' || i, 'd' || i, md5(i::text)::uuid::text, 'w', 10, 'delivered', '{}' FROM generate_series(1, ${ROWS}, 10) i`);
    await db.$executeRawUnsafe(`ANALYZE "Delivery"`);
    await db.$executeRawUnsafe(`ANALYZE "DeliveryAttempt"`);
  }, 300_000);
  afterAll(async () => database?.close());

  const plan = async (filter: TResolvedLogFilter, cursor?: string) => {
    const sql = deliveryLogPageSql(admin, filter, { limit: 50, cursor });
    const [row] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(
      Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`,
    );
    return scans(row!["QUERY PLAN"][0].Plan).filter((scan) => scan.endsWith("on Delivery"));
  };

  it.each<[string, TResolvedLogFilter, string?]>([
    ["the first page", {}],
    ["a page in the middle", {}, "500000"],
    ["channel + state", { channel: "seek-signal", state: "dead" }],
    ["state", { state: "failed" }],
    ["kind", { kind: "HistoryCreate" }],
    ["organization + state", { organizationId: "org3", state: "dead" }],
    ["an application", { applicationIds: ["app42"] }],
    ["a position + state", { positionIds: ["pos7"], state: "delivered" }],
    ["a candidate", { candidateIds: ["cand9"] }],
    ["created from / to", { from: new Date(Date.now() - 3600_000), to: new Date() }],
    [
      "a token prefix",
      {
        search: {
          plan: { term: "c4ca4238" },
          deliveryIds: [],
          applicationIds: [],
          tokenPrefix: { equals: "c4ca4238" },
        },
      },
    ],
    [
      "the first 5 characters of a token",
      {
        search: { plan: { term: "c4ca4" }, deliveryIds: [], applicationIds: [], tokenPrefix: { startsWith: "c4ca4" } },
      },
    ],
    [
      "a request id (resolved to its deliveries)",
      {
        search: {
          plan: { term: "x" },
          deliveryIds: ["d11", "d21"],
          applicationIds: ["app11"],
          tokenPrefix: { equals: "d11xxxxx" },
        },
      },
    ],
  ])("%s uses an index and never a Seq Scan on Delivery", async (_label, filter, cursor) => {
    const used = await plan(filter, cursor);
    expect(used.length).toBeGreaterThan(0);
    expect(used.every((scan) => /Index|Bitmap/.test(scan))).toBe(true);
    expect(used.some((scan) => scan.startsWith("Seq Scan"))).toBe(false);
  });

  // destination has no index of its own (one more entry on every outbox write): a webhook's rows are
  // found through the channel's index, which the webhook filter's channel condition lets the planner use.
  it.each<[string, TResolvedLogFilter]>([
    ["a webhook", { webhookDestinations: ["webhook:s1"] }],
    [
      "a webhook + organization + state",
      { webhookDestinations: ["webhook:s1"], organizationId: "org3", state: "failed" },
    ],
  ])("%s walks an index on channel", async (_label, filter) => {
    const used = await plan(filter);
    expect(used.length).toBeGreaterThan(0);
    expect(used.every((scan) => /Index|Bitmap/.test(scan) && /channel/.test(scan))).toBe(true);
  });
});
