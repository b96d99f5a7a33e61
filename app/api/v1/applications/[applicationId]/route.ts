// PUT /api/v1/applications/:applicationId — create or update an application, attach a capture or token
// GET same path — its current status, seek-token prefix and latest delivery per channel (with hints)
import { z } from "zod";
import { ZApplicationParams } from "@/lib/api/common-schemas";
import { v1Read, v1Write } from "@/lib/api/v1-route";
import { ZApplicationInput } from "@/lib/applications/application-input";
import { upsertApplication } from "@/lib/applications/upsert-application";
import { scopeForApiKey } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { getApplication } from "@/lib/read-back/read-applications";
import { ZApplicationView } from "@/lib/read-back/read-back-schemas";

export const PUT = v1Write({
  params: ZApplicationParams,
  body: ZApplicationInput,
  write: ({ tx, scope, body, params, now }) =>
    upsertApplication(tx, scope, { applicationId: params.applicationId, body }, now),
});

export const GET = v1Read({
  params: ZApplicationParams,
  query: z.object({}).strict(),
  doc: { summary: "Read an application", response: ZApplicationView },
  read: ({ principal, params }) => getApplication(db(), scopeForApiKey(principal), params.applicationId),
});
