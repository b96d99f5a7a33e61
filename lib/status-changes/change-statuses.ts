// The one code path of every status change, alone or in a batch: load the records (one locked read),
// plan each change in memory in array order (lib/status-changes/plan-status-changes.ts), write what
// was planned set-based (docs/decisions/0145). A single route, a hirer's move and a pipeline save
// send a batch of one.
import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { type AppError, isAppError } from "../errors/app-error";
import type { WriteResult } from "../events/write-result";
import { loadStatusChangeRecords } from "./load-status-change-records";
import { planStatusChanges } from "./plan-status-changes";
import type { PlannedChange } from "./planned-change";
import type { TStatusChangeRequest } from "./status-change-request";
import { writeStatusChanges } from "./write-status-changes";

/** One outcome per change, in order: what it wrote, or the rule that refused it (nothing written). */
export async function changeStatuses(
  tx: DbTx,
  scope: TOrganizationScope,
  changes: readonly TStatusChangeRequest[],
  now: Date,
): Promise<(WriteResult | AppError)[]> {
  const records = await loadStatusChangeRecords(tx, scope, changes);
  const plans = planStatusChanges(scope, changes, records, now);
  const written = await writeStatusChanges(
    tx,
    scope,
    plans.filter((p): p is PlannedChange => !isAppError(p)),
    now,
  );
  let next = 0;
  return plans.map((p) => (isAppError(p) ? p : written[next++]!));
}

/** One status change; a rule refusing it is thrown. */
export async function changeStatus(
  tx: DbTx,
  scope: TOrganizationScope,
  change: TStatusChangeRequest,
  now: Date = new Date(),
): Promise<WriteResult> {
  const [outcome] = await changeStatuses(tx, scope, [change], now);
  if (isAppError(outcome)) throw outcome;
  return outcome!;
}
