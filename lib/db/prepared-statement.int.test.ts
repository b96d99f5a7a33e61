// The statements kept prepared (lib/db/prepared-statement.ts), on PostgreSQL (PGlite runs every statement
// unnamed): the app's connections really prepare them, and the plan PostgreSQL may switch to after five
// runs, the generic one, finds the application by its keys even before the table has statistics. With
// `"externalId" = ANY(…)` that plan walked every application of the organization (or of the position),
// and a single status change got slower with every row version (a bench run, decision 0181).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationsForUpdateQuery } from "@/lib/applications/find-application";
import type { TOrganizationScope } from "@/lib/data/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { guardedChangeWrite } from "@/lib/status-changes/change-status-alone";
import { loadStatusChangeRecords } from "@/lib/status-changes/load-status-change-records";
import { planStatusChanges } from "@/lib/status-changes/plan-status-changes";
import { type ApiHarness, openApiHarness, seedStandardPosition } from "@/test/support/api-harness";
import { databasesUnderTest } from "@/test/support/test-databases";
import { statementName } from "./prepared-statement";

const APPLICATIONS = 2_000;

// PostgreSQL only, so runIf rather than describe.each over no database (a file without a suite fails).
describe.runIf(databasesUnderTest().includes("postgres"))("prepared statements on PostgreSQL", () => {
  let h: ApiHarness;
  let scope: TOrganizationScope;

  beforeAll(async () => {
    h = await openApiHarness("postgres");
    scope = { kind: "organization", organizationId: h.organizationId, actor: "test", actorUserId: null };
    await seedStandardPosition(h);
    const position = await h.prisma.position.findFirstOrThrow({ where: { externalId: "P1" } });
    // Many applications on one position, not yet analyzed (a bulk import the statistics have not caught up
    // with): where a generic plan of `"externalId" = ANY(…)` walked every application of the position.
    await h.prisma.$executeRawUnsafe(`ALTER TABLE "Application" SET (autovacuum_enabled = false)`);
    await h.prisma.application.createMany({
      data: Array.from({ length: APPLICATIONS }, (_, i) => ({
        organizationId: h.organizationId,
        externalId: `A${i}`,
        positionId: position.id,
      })),
    });
  });
  afterAll(async () => h?.close());

  /** The generic plan of a statement, from a PREPARE on one connection of the app's own client. */
  const genericPlan = (statement: Prisma.Sql) =>
    h.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL plan_cache_mode = force_generic_plan`);
      await tx.$executeRawUnsafe(`PREPARE plan_check AS ${statement.text}`);
      const [row] = await tx.$queryRawUnsafe<{ types: string[] }[]>(
        `SELECT parameter_types::text[] AS types FROM pg_prepared_statements WHERE name = 'plan_check'`,
      );
      // EXECUTE takes its arguments as SQL: each value as a literal of the parameter's type.
      const types = row?.types ?? [];
      const args = statement.values.map((value, i) => `${literal(value)}::${types[i]}`);
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN EXECUTE plan_check(${args.join(", ")})`,
      );
      await tx.$executeRawUnsafe(`DEALLOCATE plan_check`);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });

  it("the app's client prepares a marked statement under its name", async () => {
    const read = applicationsForUpdateQuery(scope, ["A1"], { lock: false });
    const names = await h.prisma.$transaction(async (tx) => {
      await tx.$queryRaw(read);
      return tx.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements`;
    });
    expect(statementName(read.text)).not.toBe("");
    expect(names.map((n) => n.name)).toContain(statementName(read.text));
  });

  it.each([
    ["unlocked", false],
    ["locked", true],
  ])("the %s read of one application finds it by (organization, id) in its generic plan", async (_, lock) => {
    const plan = await genericPlan(applicationsForUpdateQuery(scope, ["A7"], { lock }));
    expect(plan).toMatch(/Index Cond: \(\("organizationId" = \$1\) AND \("externalId" = \$2\)\)/);
    expect(plan).not.toMatch(/Seq Scan on "Application"|Application_positionId_idx/);
  });

  it("a single change's write is prepared, and its generic plan finds the application by id, twice", async () => {
    const change = { applicationId: "A9", statusKey: "shortlist" };
    const now = new Date();
    const records = await loadStatusChangeRecords(h.prisma, scope, [change], { lock: false });
    const [plan] = planStatusChanges(scope, [change], records, now);
    if (!plan || plan instanceof Error) throw new Error(`no plan: ${String(plan)}`);
    const { statement } = guardedChangeWrite(scope, plan, records.applications.get("A9")!.version, now);
    expect(statementName(statement.text)).not.toBe("");
    const generic = await genericPlan(statement);
    // The guard's lock of the row read, and the record's new state.
    expect(generic.match(/Index Scan using "Application_pkey" on "Application"/g)).toHaveLength(2);
    expect(generic).not.toMatch(/Seq Scan on "Application"/);
  });

  it("a read of several applications is not prepared: it is planned for its list each time", () => {
    expect(statementName(applicationsForUpdateQuery(scope, ["A7", "A8"], { lock: true }).text)).toBe("");
    expect(statementName(applicationsForUpdateQuery(scope, ["A7", "A7"], { lock: true }).text)).not.toBe("");
  });
});

/** A value as a SQL literal, in the text form PostgreSQL reads for its parameter type. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  const text = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
  const body = Array.isArray(value)
    ? `{${value.map((v) => (v === null ? "NULL" : `"${text(v).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`
    : text(value);
  return `'${body.replace(/'/g, "''")}'`;
}
