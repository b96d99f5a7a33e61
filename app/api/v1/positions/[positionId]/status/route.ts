// POST /api/v1/positions/:positionId/status — record a position status change, queue a PositionStatusUpdate
import { ZPositionParams } from "@/lib/api/common-schemas";
import { v1Write } from "@/lib/api/v1-route";
import { changePositionStatus } from "@/lib/positions/change-position-status";
import { ZStatusChange } from "@/lib/validation/status-change";

export const POST = v1Write({
  params: ZPositionParams,
  body: ZStatusChange,
  write: ({ tx, scope, body, params, now }) =>
    changePositionStatus(
      tx,
      scope,
      { positionId: params.positionId, statusKey: body.status, occurredAt: body.occurredAt },
      now,
    ),
});
