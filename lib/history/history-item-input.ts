// PUT /api/v1/candidates/{candidateId}/history/{idempotencyId} body, with SEEK's rules for process
// history items (seed 003): action codes, status codes for CandidateWorkflowTransition, and placement
// information (position + seekSource) only together.
import { z } from "zod";
import { ZSeekHistoryStatusCode } from "../pipelines/pipeline-definition";
import { ZExternalId } from "../validation/external-id";
import { ZOccurredAt } from "../validation/occurred-at";

export const HISTORY_ACTION_CODES = [
  "AgencySubmission",
  "Document",
  "Email",
  "Note",
  "PhoneCall",
  "PostPlacementActivity",
  "Screening",
  "VerificationActivity",
  "StatusChange",
  "Other",
  "CandidateWorkflowTransition",
] as const;

export const ZHistoryItemInput = z
  .object({
    action: z
      .object({
        code: z.enum(HISTORY_ACTION_CODES),
        name: z.string().trim().min(1).max(200),
        description: z.string().max(1000, "SEEK accepts at most 1,000 characters").optional(),
      })
      .strict(),
    actionDate: ZOccurredAt,
    positionId: ZExternalId.optional(),
    seekSource: z.string().trim().min(1).max(200).optional(),
    status: ZSeekHistoryStatusCode.optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if ((item.positionId === undefined) !== (item.seekSource === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [item.positionId === undefined ? "positionId" : "seekSource"],
        message:
          "positionId and seekSource go together: both for placement information, neither for a general interaction",
      });
    }
    const transition = item.action.code === "CandidateWorkflowTransition";
    if (transition && !item.status) {
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: "status is required for a CandidateWorkflowTransition action",
      });
    }
    if (!transition && item.status) {
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: "status is only sent for a CandidateWorkflowTransition action",
      });
    }
    if (transition && item.positionId === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["positionId"],
        message: "a CandidateWorkflowTransition is about a position: give positionId and seekSource",
      });
    }
  });

export type THistoryItemInput = z.infer<typeof ZHistoryItemInput>;
