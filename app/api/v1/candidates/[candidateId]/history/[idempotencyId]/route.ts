// PUT /api/v1/candidates/:candidateId/history/:idempotencyId — create, then replace, a SEEK process history item
// DELETE same path — delete it (cancels out with a create that was never sent)
import { z } from "zod";
import { v1Write } from "@/lib/api/v1-route";
import { deleteHistoryItem } from "@/lib/history/delete-history-item";
import { ZHistoryItemInput } from "@/lib/history/history-item-input";
import { putHistoryItem } from "@/lib/history/put-history-item";
import { ZExternalId } from "@/lib/validation/external-id";

const ZParams = z.object({ candidateId: ZExternalId, idempotencyId: z.string().min(1).max(200) });

export const PUT = v1Write({
  params: ZParams,
  body: ZHistoryItemInput,
  write: ({ tx, scope, body, params, now }) => putHistoryItem(tx, scope, { ...params, body }, now),
});

export const DELETE = v1Write({
  params: ZParams,
  body: z.object({}).strict(),
  write: ({ tx, scope, params, now }) => deleteHistoryItem(tx, scope, params, now),
});
