// Plans a batch of status changes in array order, exactly as if each were sent alone one after the
// other: the `from` of a change is the state the change before it on the same record left, and a change
// refused by a rule (future time, unknown id, no pipeline, status not in it, already in it) leaves
// nothing behind for the changes after it. Pure: the records were read before, the writes come after.
import type { TOrganizationScope } from "../data/scope";
import { type AppError, isAppError } from "../errors/app-error";
import { rejectFutureTime } from "../events/reject-future-time";
import type { CurrentStatus } from "../pipelines/plan-status-change";
import type { StatusChangeRecords } from "./load-status-change-records";
import { planApplicationChange } from "./plan-application-change";
import { planPositionChange } from "./plan-position-change";
import type { PlannedChange } from "./planned-change";
import type { TStatusChangeRequest } from "./status-change-request";

const NOWHERE: CurrentStatus = { currentStatusKey: null, currentVersionId: null, currentStatusAt: null };

export function planStatusChanges(
  scope: TOrganizationScope,
  changes: readonly TStatusChangeRequest[],
  records: StatusChangeRecords,
  now: Date,
): (PlannedChange | AppError)[] {
  // Where each record stands after the changes planned so far, by table and row id.
  const standing = new Map<string, CurrentStatus>();
  const standingOf = (table: PlannedChange["record"]["table"], record: (CurrentStatus & { id: string }) | undefined) =>
    (record && standing.get(`${table}:${record.id}`)) ?? record ?? NOWHERE;

  const planOne = (change: TStatusChangeRequest): PlannedChange => {
    rejectFutureTime(change.occurredAt, now, "occurredAt");
    if ("applicationId" in change) {
      const app = records.applications.get(change.applicationId);
      return planApplicationChange({ scope, records, now, change, app, from: standingOf("Application", app) });
    }
    const position = records.positions.get(change.positionId);
    return planPositionChange({ scope, records, now, change, position, from: standingOf("Position", position) });
  };

  return changes.map((change) => {
    try {
      const planned = planOne(change);
      standing.set(`${planned.record.table}:${planned.record.id}`, planned.after);
      return planned;
    } catch (error) {
      // A rule refusing this change is its own result; anything else is a bug and fails the request.
      if (isAppError(error)) return error;
      throw error;
    }
  });
}
