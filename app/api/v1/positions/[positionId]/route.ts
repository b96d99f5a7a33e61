// PUT /api/v1/positions/:positionId — create or replace a position
import { ZPositionParams } from "@/lib/api/common-schemas";
import { v1Write } from "@/lib/api/v1-route";
import { ZPositionInput } from "@/lib/positions/position-input";
import { upsertPosition } from "@/lib/positions/upsert-position";

export const PUT = v1Write({
  params: ZPositionParams,
  body: ZPositionInput,
  write: ({ tx, scope, body, params, now }) => upsertPosition(tx, scope, { positionId: params.positionId, body }, now),
});
