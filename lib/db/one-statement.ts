// Several writes sent as one SQL statement, so a request pays one round trip for them instead of one
// each (issue #16: a single status change's cost was mostly round trips). Each but the last becomes a
// data-modifying WITH query, which PostgreSQL always runs to completion. They share one snapshot (none
// sees the rows another adds: they must not depend on each other's effects), and foreign keys are
// checked at the end of the statement, so a row may reference one inserted beside it.
import { Prisma } from "../generated/prisma/client";

/** INSERT/UPDATE/DELETE statements, without RETURNING, as one statement; throws on an empty list. */
export function asOneStatement(statements: readonly Prisma.Sql[]): Prisma.Sql {
  const last = statements.at(-1);
  if (!last) throw new Error("asOneStatement needs at least one statement");
  if (statements.length === 1) return last;
  const withs = statements.slice(0, -1).map((statement, i) => Prisma.sql`${Prisma.raw(`w${i}`)} AS (${statement})`);
  return Prisma.sql`WITH ${Prisma.join(withs, ", ")} ${last}`;
}

/** A row a write was planned from, and the version (xmin) it was read at. */
export type ReadRow = { table: "Application" | "Position"; id: string; version: string };

/** The SQLSTATE `asOneStatementIfUnchanged` fails with when a row is no longer the version read. */
export const STALE_READ_SQLSTATE = "SH409";

/**
 * The statements as one, run only if every row read is still the version read: the statement first
 * locks those rows (a row changed meanwhile, even by a transaction still open, fails the check once that
 * one commits) and raises STALE_READ_SQLSTATE when any is missing, which undoes the whole statement.
 * A write planned from rows read without a lock is then as safe as one made under the lock, without a
 * transaction of its own (lib/status-changes/change-status-alone.ts). The guard is the main query, so it
 * runs before the writes (PostgreSQL runs unreferenced data-modifying WITH queries after the main one).
 */
export function asOneStatementIfUnchanged(read: readonly ReadRow[], statements: readonly Prisma.Sql[]): Prisma.Sql {
  if (statements.length === 0) throw new Error("asOneStatementIfUnchanged needs at least one statement");
  const rows = [...new Map(read.map((r) => [`${r.table}:${r.id}`, r])).values()];
  const lockedCounts = (["Application", "Position"] as const).flatMap((table) => {
    const of = rows.filter((r) => r.table === table);
    if (of.length === 0) return [];
    // One row (a single change) by equality on its key: a generic plan of it can be nothing but the
    // primary-key lookup, so the statement may be kept prepared (./prepared-statement.ts).
    const [only] = of;
    if (of.length === 1 && only) {
      return [
        Prisma.sql`(SELECT count(*) FROM (
          SELECT r.id FROM ${Prisma.raw(`"${table}"`)} AS r
          WHERE r.id = ${only.id} AND r.xmin = ${only.version}::xid
          FOR UPDATE OF r) AS locked)`,
      ];
    }
    return [
      Prisma.sql`(SELECT count(*) FROM (
        SELECT r.id FROM ${Prisma.raw(`"${table}"`)} AS r
        JOIN unnest(${of.map((r) => r.id)}::text[], ${of.map((r) => r.version)}::text[]) AS v(id, version)
          ON r.id = v.id AND r.xmin = v.version::xid
        ORDER BY r.id FOR UPDATE OF r) AS locked)`,
    ];
  });
  if (lockedCounts.length === 0) throw new Error("asOneStatementIfUnchanged needs the rows the write was planned from");
  const withs = statements.map((statement, i) => Prisma.sql`${Prisma.raw(`w${i}`)} AS (${statement})`);
  return Prisma.sql`
    WITH ${Prisma.join(withs, ", ")}
    SELECT CASE WHEN ${Prisma.join(lockedCounts, " + ")} = ${rows.length}
                THEN true ELSE signalhouse_stale_read() END AS unchanged`;
}
