// POST /api/v1/status-changes: the batch goes through the same code as a single change
// (changeStatuses): one locked read, each change planned in memory in array order — its `previous` is
// the state the change before it on the same record left, a change a rule refuses is its own error and
// leaves nothing —, then a handful of set-based writes (docs/decisions/0145).
//
// The batch is written under one savepoint. Should PostgreSQL refuse a value the rules let through (a
// data exception, class 22: nothing known reaches it today), the batch is rolled back to it and each
// change is retried as a batch of one under its own savepoint, so only the change at fault fails.

import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { type AppError, isAppError } from "../errors/app-error";
import type { WriteResult } from "../events/write-result";
import { databaseInputError } from "../validation/database-input-error";
import { toApiIssues } from "../validation/zod-issues";
import { type TBulkChange, ZBulkChange } from "./bulk-status-changes-input";
import { changeStatuses } from "./change-statuses";
import { statusChangeOf, type TStatusChangeRequest } from "./status-change-request";
import { withSavepoint } from "./with-savepoint";

type TItemError = { code: string; message: string; issues: unknown[] };

export type TBulkResult = ({ index: number } & WriteResult) | { index: number; error: TItemError };

export async function applyStatusChanges(
  tx: DbTx,
  scope: TOrganizationScope,
  changes: readonly unknown[],
  now: Date,
): Promise<{ results: TBulkResult[] }> {
  const valid: { index: number; change: TStatusChangeRequest }[] = [];
  const invalid = new Map<number, TItemError>();
  for (const [index, raw] of changes.entries()) {
    const parsed = ZBulkChange.safeParse(raw);
    if (parsed.success) valid.push({ index, change: toRequest(parsed.data) });
    else invalid.set(index, validationError(index, parsed.error));
  }
  const outcomes = await writeBatch(
    tx,
    scope,
    valid.map((v) => v.change),
    now,
  );
  const byIndex = new Map(valid.map((v, i) => [v.index, outcomes[i]!]));
  const results = changes.map((_, index): TBulkResult => {
    const outcome = byIndex.get(index);
    if (!outcome) return { index, error: invalid.get(index)! };
    return "error" in outcome ? { index, error: outcome.error } : { index, ...outcome };
  });
  return { results };
}

type TOutcome = WriteResult | { error: TItemError };

async function writeBatch(
  tx: DbTx,
  scope: TOrganizationScope,
  changes: TStatusChangeRequest[],
  now: Date,
): Promise<TOutcome[]> {
  if (changes.length === 0) return [];
  try {
    return (await withSavepoint(tx, () => changeStatuses(tx, scope, changes, now))).map(toOutcome);
  } catch (thrown) {
    if (!databaseInputError(thrown)) throw thrown;
  }
  const outcomes: TOutcome[] = [];
  for (const change of changes) {
    try {
      const [outcome] = await withSavepoint(tx, () => changeStatuses(tx, scope, [change], now));
      outcomes.push(toOutcome(outcome!));
    } catch (thrown) {
      // Anything unexpected is ours, not this change's: the whole request fails and nothing is kept.
      const error = databaseInputError(thrown);
      if (!error) throw thrown;
      outcomes.push(toOutcome(error));
    }
  }
  return outcomes;
}

function toOutcome(outcome: WriteResult | AppError): TOutcome {
  if (!isAppError(outcome)) return outcome;
  return { error: { code: outcome.code, message: outcome.message, issues: outcome.issues } };
}

function toRequest(change: TBulkChange): TStatusChangeRequest {
  const record =
    "applicationId" in change ? { applicationId: change.applicationId } : { positionId: change.positionId };
  return statusChangeOf(record, change);
}

function validationError(index: number, error: Parameters<typeof toApiIssues>[0]): TItemError {
  const issues = toApiIssues(error).map((i) => ({ ...i, path: `body.changes.${index}.${i.path}` }));
  const message = `Change ${index} is not valid: ${issues[0]?.path} ${issues[0]?.message}`;
  return { code: "VALIDATION_FAILED", message, issues };
}
