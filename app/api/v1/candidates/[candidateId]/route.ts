// PUT /api/v1/candidates/:candidateId — create or update a candidate and its SEEK candidate profile id
import { z } from "zod";
import { v1Write } from "@/lib/api/v1-route";
import { upsertCandidate, ZCandidateInput } from "@/lib/candidates/upsert-candidate";
import { ZExternalId } from "@/lib/validation/external-id";

export const PUT = v1Write({
  params: z.object({ candidateId: ZExternalId }),
  body: ZCandidateInput,
  write: ({ tx, scope, body, params, now }) =>
    upsertCandidate(tx, scope, { candidateId: params.candidateId, body }, now),
});
