// One status change without a transaction of its own: what an API request without Idempotency-Key
// needs (with a key, the change and its stored answer share the request's transaction). The records are
// read without a lock, the change planned as always, and every write sent as one statement that first
// checks and locks each record at the version read (lib/db/one-statement.ts, asOneStatementIfUnchanged).
// Two round trips instead of BEGIN, locked read, write, COMMIT: on this kind of machine each round trip
// costs the server more CPU than planning the change (issue #16; docs/decisions/0179).
//
// A record changed between the read and the write (a concurrent change of the same application) undoes
// the statement, and the change is read and planned again from the record as it now is, exactly as the
// locked read would have waited and then read it. After a few such races in a row the change takes the
// locked path in a transaction, which queues behind the others instead of racing them.
import type { TOrganizationScope } from "../data/scope";
import type { Db } from "../db/client";
import { asOneStatementIfUnchanged, type ReadRow, STALE_READ_SQLSTATE } from "../db/one-statement";
import { prepared } from "../db/prepared-statement";
import { isAppError } from "../errors/app-error";
import type { WriteResult } from "../events/write-result";
import type { Prisma } from "../generated/prisma/client";
import { sqlStateOf } from "../validation/database-input-error";
import { changeStatus } from "./change-statuses";
import { loadStatusChangeRecords } from "./load-status-change-records";
import { planStatusChanges } from "./plan-status-changes";
import type { PlannedChange } from "./planned-change";
import type { TStatusChangeRequest } from "./status-change-request";
import { statusChangeWrites } from "./write-status-changes";

/** Optimistic attempts before the locked path. */
const ATTEMPTS = 3;

/** One status change, atomic by itself; a rule refusing it is thrown. */
export async function changeStatusAlone(
  db: Db,
  scope: TOrganizationScope,
  change: TStatusChangeRequest,
  now: Date,
): Promise<WriteResult> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const records = await loadStatusChangeRecords(db, scope, [change], { lock: false });
    const [plan] = planStatusChanges(scope, [change], records, now);
    if (isAppError(plan)) throw plan;
    // A change is planned only for a record that was read (else NOT_FOUND was thrown above).
    const version =
      "applicationId" in change
        ? records.applications.get(change.applicationId)?.version
        : records.positions.get(change.positionId)?.version;
    if (version === undefined) throw new Error("planned a status change of a record that was not read");
    const write = guardedChangeWrite(scope, plan!, version, now);
    try {
      await db.$queryRaw(write.statement);
      return write.result;
    } catch (error) {
      if (sqlStateOf(error) !== STALE_READ_SQLSTATE) throw error;
    }
  }
  return db.$transaction((tx) => changeStatus(tx, scope, change, now), { timeout: 15_000, maxWait: 10_000 });
}

/**
 * The one statement that records a planned change if its record is still the version read, and what it
 * will have written. Prepared (lib/db/prepared-statement.ts): one change's write has a few shapes, each
 * parsed once per connection and then sent as Bind/Execute only, and every row it reads is found by its
 * key (prepared-statement.int.test.ts checks its generic plan).
 */
export function guardedChangeWrite(
  scope: TOrganizationScope,
  plan: PlannedChange,
  version: string,
  now: Date,
): { statement: Prisma.Sql; result: WriteResult } {
  const read: ReadRow[] = [{ ...plan.record, version }];
  const { statements, results } = statusChangeWrites(scope, [plan], now);
  return { statement: prepared(asOneStatementIfUnchanged(read, statements)), result: results[0]! };
}
