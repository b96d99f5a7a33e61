// PUT /api/v1/applications/:applicationId — create or update an application, attach a capture or token
import { ZApplicationParams } from "@/lib/api/common-schemas";
import { v1Write } from "@/lib/api/v1-route";
import { ZApplicationInput } from "@/lib/applications/application-input";
import { upsertApplication } from "@/lib/applications/upsert-application";

export const PUT = v1Write({
  params: ZApplicationParams,
  body: ZApplicationInput,
  write: ({ tx, scope, body, params, now }) =>
    upsertApplication(tx, scope, { applicationId: params.applicationId, body }, now),
});
