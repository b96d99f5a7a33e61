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
