// PUT /api/v1/applications/{applicationId}/notes/{noteId} body (spec: Application notes).
import { z } from "zod";
import { ZOccurredAt } from "../validation/occurred-at";

export const ZNoteInput = z
  .object({
    note: z.string().max(10_000),
    author: z
      .object({ firstName: z.string().trim().min(1).max(200), lastName: z.string().trim().min(1).max(200) })
      .strict()
      .optional(),
    createdAt: ZOccurredAt.optional(),
  })
  .strict();
export type TNoteInput = z.infer<typeof ZNoteInput>;

/** Payloads of the linkedin-note channel: one entity of a batch_update, or one id of a delete. */
export type NoteDeliveryPayload =
  | {
      operation: "upsert";
      atsJobApplicationId: string;
      noteId: string;
      entity: { atsCreatedAt?: number; note: string; author?: { firstName: string; lastName: string } };
    }
  | { operation: "delete"; atsJobApplicationId: string; noteId: string };

/** Notes of one application reach LinkedIn in the order they were written (seed 004). */
export function notesOrderingKey(applicationId: string): string {
  return `notes:${applicationId}`;
}

export function linkedinDestination(organizationId: string): string {
  return `linkedin:${organizationId}`;
}
