// The claim's query plan on a deep outbox: it must walk the claim index in the scheduler's order and stop
// at its LIMIT, never scan and sort every pending row (docs/decisions/0082). A plan, not a timing: the
// time a claim takes on a deep outbox is the benchmark's to report (npm run bench).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { type ClaimOptions, claimStatement } from "@/lib/delivery/claim/claim-due-deliveries";
import { Prisma } from "@/lib/generated/prisma/client";
import { createOrganization } from "../../support/delivery-fixtures";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../../support/test-databases";

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Sort Key"?: string[]; Plans?: PlanNode[] };

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

const QUEUED = 50_000;

describe.each(databasesUnderTest())("the claim's query plan on %s", (kind) => {
  let t: TestDatabase;
  let prisma: Db;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    prisma = t.prisma;
    const org = await createOrganization(prisma);
    // A deep outbox: signals with no deadline, history rows with one, notes under ordering keys, some of
    // them not due yet, and one destination in trouble.
    await prisma.$executeRaw`
      INSERT INTO "Delivery" (id, "organizationId", channel, kind, destination, payload, state, "occurredAt",
                              "nextAttemptAt", "dueBy", "orderingKey", "updatedAt")
      SELECT 'plan-' || g, ${org},
             CASE WHEN g % 10 = 0 THEN 'seek-history' WHEN g % 10 = 1 THEN 'linkedin-note' ELSE 'seek-signal' END,
             'ApplicationStatusUpdate',
             CASE WHEN g % 10 = 1 THEN 'linkedin:' || ${org} ELSE 'seek' END,
             '{}'::jsonb,
             CASE WHEN g % 50 = 0 THEN 'delivered' ELSE 'pending' END::"DeliveryState",
             now(), now() + CASE WHEN g % 7 = 0 THEN interval '1 hour' ELSE interval '-1 minute' END,
             CASE WHEN g % 10 = 0 THEN now() + interval '1 minute' END,
             CASE WHEN g % 10 IN (0, 1) THEN 'key-' || (g % 997) END,
             now()
      FROM generate_series(1, ${QUEUED}) AS g`;
    await prisma.destinationState.create({ data: { destination: `linkedin:${org}`, consecutiveFailures: 3 } });
    await prisma.$executeRawUnsafe(`ANALYZE "Delivery"`);
  }, 120_000);
  afterAll(async () => t.close());

  async function planOf(options: ClaimOptions, only: Parameters<typeof claimStatement>[1]): Promise<PlanNode[]> {
    const [row] = await prisma.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(
      Prisma.sql`EXPLAIN (FORMAT JSON) ${claimStatement(options, only)}`,
    );
    return nodesOf(row!["QUERY PLAN"][0].Plan);
  }

  it.each(["seek-signal", "seek-history", "linkedin-note"] as const)(
    "a %s claim walks the claim index and sorts nothing",
    async (channel) => {
      const options = { channel, workerId: "w", limit: 100, leaseMs: 30_000, maxInFlightPerDestination: 400 };
      for (const only of [{ healthy: true } as const, { destination: "seek" }]) {
        const nodes = await planOf(options, only);
        const scansOfOutbox = nodes.filter((n) => n["Relation Name"] === "Delivery");
        expect(scansOfOutbox.map((n) => n["Node Type"])).not.toContain("Seq Scan");
        expect(
          nodes.filter((n) => n["Node Type"] === "Sort" && n["Sort Key"]?.some((k) => k.includes("dueBy"))),
        ).toEqual([]);
        expect(nodes.map((n) => n["Node Type"])).toContain("Limit");
      }
    },
  );
});
