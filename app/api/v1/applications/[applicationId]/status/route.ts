// POST /api/v1/applications/:applicationId/status — record a status change, queue an ApplicationStatusUpdate
import { ZApplicationParams } from "@/lib/api/common-schemas";
import { v1Write } from "@/lib/api/v1-route";
import { changeStatus } from "@/lib/status-changes/change-statuses";
import { ZStatusChange } from "@/lib/validation/status-change";

export const POST = v1Write({
  params: ZApplicationParams,
  body: ZStatusChange,
  write: ({ tx, scope, body, params, now }) =>
    changeStatus(
      tx,
      scope,
      { applicationId: params.applicationId, statusKey: body.status, occurredAt: body.occurredAt },
      now,
    ),
});
