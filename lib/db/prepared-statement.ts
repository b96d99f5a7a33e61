// Statements PostgreSQL keeps planned, per connection, instead of parsing and planning them again on
// every request. Prisma's raw queries are unnamed statements: PostgreSQL parses and plans each one anew.
// For a single status change that was most of PostgreSQL's work (issue #16; docs/decisions/0181): the
// read's six-table join took ~0.5 ms to plan and ~0.1 ms to run, the write's one statement ~0.6 ms to
// plan. A named statement is parsed once per connection; after five runs PostgreSQL keeps a generic plan
// when it costs no more than the custom ones.
//
// Only statements marked with `prepared()` are named, because a named statement lives as long as its
// connection (the `pg` driver keeps every name it has prepared): a marked statement's text must come from
// a few fixed shapes, never from data (values are always parameters), and its generic plan must be as
// good as a custom one whatever the parameters and the statistics are: rows found by equality on a
// unique key, never by `= ANY($n)` or a join with `unnest($n)`, whose generic plans may scan a table
// (./prepared-statement.int.test.ts checks the plans). Marking every statement was slower (decisions
// 0164, 0181).
import { createHash } from "node:crypto";
import { Prisma } from "../generated/prisma/client";

const MARK = "/* prepared */ ";

/** The statement, marked to be kept prepared on PostgreSQL (PGlite runs it as any other). */
export function prepared(statement: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(MARK)}${statement}`;
}

/**
 * The statement name the `pg` driver prepares a query under: one per distinct marked text (a hash, so the
 * same text always has the same name on every connection), and "" (unnamed, planned every time) for an
 * unmarked one.
 */
export function statementName(sql: string): string {
  if (!sql.startsWith(MARK)) return "";
  return `sh_${createHash("sha256").update(sql).digest("base64url").slice(0, 24)}`;
}
