// POST /api/v1/status-changes: each change goes through the same function as its single route
// (changeApplicationStatus / changePositionStatus), in array order, inside the request's transaction,
// so "exactly as if sent alone" holds by construction: its own event, its own signal, and `previous`
// read from the row the change before it just updated. Each runs under its own savepoint: a change
// that fails leaves no trace and does not roll back the others (docs/decisions/0145).

import { changeApplicationStatus } from "../applications/change-application-status";
import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { isAppError } from "../errors/app-error";
import type { WriteResult } from "../events/write-result";
import { changePositionStatus } from "../positions/change-position-status";
import { databaseInputError } from "../validation/database-input-error";
import { toApiIssues } from "../validation/zod-issues";
import { type TBulkChange, ZBulkChange } from "./bulk-status-changes-input";
import { withSavepoint } from "./with-savepoint";

export type TBulkResult =
  | ({ index: number } & WriteResult)
  | { index: number; error: { code: string; message: string; issues: unknown[] } };

export async function applyStatusChanges(
  tx: DbTx,
  scope: TOrganizationScope,
  changes: readonly unknown[],
  now: Date,
): Promise<{ results: TBulkResult[] }> {
  const results: TBulkResult[] = [];
  for (const [index, raw] of changes.entries()) {
    const parsed = ZBulkChange.safeParse(raw);
    if (!parsed.success) {
      const issues = toApiIssues(parsed.error).map((i) => ({
        ...i,
        path: `body.changes.${index}.${i.path}`,
      }));
      const message = `Change ${index} is not valid: ${issues[0]?.path} ${issues[0]?.message}`;
      results.push({ index, error: { code: "VALIDATION_FAILED", message, issues } });
      continue;
    }
    try {
      const written = await withSavepoint(tx, () => applyOne(tx, scope, parsed.data, now));
      results.push({ index, ...written });
    } catch (thrown) {
      const error = databaseInputError(thrown) ?? thrown;
      // Anything unexpected is ours, not this change's: the whole request fails and nothing is kept.
      if (!isAppError(error)) throw thrown;
      results.push({ index, error: { code: error.code, message: error.message, issues: error.issues } });
    }
  }
  return { results };
}

function applyOne(tx: DbTx, scope: TOrganizationScope, change: TBulkChange, now: Date): Promise<WriteResult> {
  const common = { statusKey: change.status, occurredAt: change.occurredAt };
  return "applicationId" in change
    ? changeApplicationStatus(tx, scope, { ...common, applicationId: change.applicationId }, now)
    : changePositionStatus(tx, scope, { ...common, positionId: change.positionId }, now);
}
