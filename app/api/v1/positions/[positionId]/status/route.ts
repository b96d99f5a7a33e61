// POST /api/v1/positions/:positionId/status — record a position status change, queue a PositionStatusUpdate
import { ZPositionParams } from "@/lib/api/common-schemas";
import { v1Write } from "@/lib/api/v1-route";
import { changeStatusAlone } from "@/lib/status-changes/change-status-alone";
import { changeStatus } from "@/lib/status-changes/change-statuses";
import { statusChangeOf } from "@/lib/status-changes/status-change-request";
import { ZStatusChange } from "@/lib/validation/status-change";

export const POST = v1Write({
  params: ZPositionParams,
  body: ZStatusChange,
  write: ({ tx, scope, body, params, now }) =>
    changeStatus(tx, scope, statusChangeOf({ positionId: params.positionId }, body), now),
  writeAlone: ({ db, scope, body, params, now }) =>
    changeStatusAlone(db, scope, statusChangeOf({ positionId: params.positionId }, body), now),
});
