// POST /api/v1/applications/:applicationId/complete — queue an ApplicationComplete signal (422 without a token)
import { ZApplicationParams, ZCompleteBody } from "@/lib/api/common-schemas";
import { v1Write } from "@/lib/api/v1-route";
import { completeApplication } from "@/lib/applications/complete-application";

export const POST = v1Write({
  params: ZApplicationParams,
  body: ZCompleteBody,
  write: ({ tx, scope, body, params, now }) =>
    completeApplication(tx, scope, { applicationId: params.applicationId, occurredAt: body.occurredAt }, now),
});
