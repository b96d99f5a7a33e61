// The body of POST /api/v1/status-changes. The envelope is checked for the whole request (not an
// array, more than 1,000 → 400); each change is checked on its own, so one malformed change is that
// change's error and does not stop the others (docs/decisions/0145).
import { z } from "zod";
import { ZExternalId } from "../validation/external-id";
import { ZOccurredAt } from "../validation/occurred-at";
import { ZStatusChange } from "../validation/status-change";

export const MAX_BULK_CHANGES = 1000;

export const ZBulkApplicationChange = ZStatusChange.safeExtend({ applicationId: ZExternalId }).strict();
export const ZBulkPositionChange = z
  .object({ positionId: ZExternalId, status: z.string().min(1).max(100), occurredAt: ZOccurredAt.optional() })
  .strict();
export const ZBulkChange = z.union([ZBulkApplicationChange, ZBulkPositionChange]);
export type TBulkChange = z.infer<typeof ZBulkChange>;

export const ZBulkStatusChanges = z
  .object({
    changes: z
      .array(z.unknown())
      .min(1, "send at least one change")
      .max(MAX_BULK_CHANGES, `send at most ${MAX_BULK_CHANGES} changes per request`),
  })
  .strict();
