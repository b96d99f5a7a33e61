// POST /api/v1/positions/:positionId/status — record a position status change, queue a PositionStatusUpdate
import { ZPositionParams } from "@/lib/api/common-schemas";
import { v1Write } from "@/lib/api/v1-route";
import { changeStatus } from "@/lib/status-changes/change-statuses";
import { ZStatusChange } from "@/lib/validation/status-change";

export const POST = v1Write({
  params: ZPositionParams,
  body: ZStatusChange,
  write: ({ tx, scope, body, params, now }) =>
    changeStatus(
      tx,
      scope,
      { positionId: params.positionId, statusKey: body.status, occurredAt: body.occurredAt },
      now,
    ),
});
