// PUT /api/v1/applications/{applicationId} body (spec: Applications).
import { z } from "zod";
import { MAX_SEEK_TOKEN_LENGTH } from "../captures/seek-token-limits";
import { ZExternalId } from "../validation/external-id";

const ZName = z.string().trim().min(1, "must not be empty").max(200);

export const ZApplicationInput = z
  .object({
    positionId: ZExternalId,
    candidate: z
      .object({
        given: ZName,
        family: ZName,
        email: z.email().max(320).optional(),
      })
      .strict(),
    /** extension: link the application to a candidate created with PUT /api/v1/candidates/{candidateId} */
    candidateId: ZExternalId.optional(),
    captureId: z.string().min(1).max(100).optional(),
    /** stored exactly as given: no trimming */
    seekToken: z.string().min(1).max(MAX_SEEK_TOKEN_LENGTH).optional(),
    seekCandidateApplicationProfileId: z.string().trim().min(1).max(300).optional(),
  })
  .strict()
  .refine((body) => !(body.captureId && body.seekToken), {
    message: "give either captureId or seekToken, not both",
    path: ["seekToken"],
  });

export type TApplicationInput = z.infer<typeof ZApplicationInput>;
