// POST /api/v1/applications/:applicationId/status — record a status change, queue an ApplicationStatusUpdate
import { ZApplicationParams } from "@/lib/api/common-schemas";
import { v1Write } from "@/lib/api/v1-route";
import { changeStatusAlone } from "@/lib/status-changes/change-status-alone";
import { changeStatus } from "@/lib/status-changes/change-statuses";
import { statusChangeOf } from "@/lib/status-changes/status-change-request";
import { ZStatusChange } from "@/lib/validation/status-change";

export const POST = v1Write({
  params: ZApplicationParams,
  body: ZStatusChange,
  write: ({ tx, scope, body, params, now }) =>
    changeStatus(tx, scope, statusChangeOf({ applicationId: params.applicationId }, body), now),
  writeAlone: ({ db, scope, body, params, now }) =>
    changeStatusAlone(db, scope, statusChangeOf({ applicationId: params.applicationId }, body), now),
});
