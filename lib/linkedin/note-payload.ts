// The outbox payload of a linkedin-note delivery (written by lib/notes/put-note.ts), checked before it is
// sent: a row that does not parse is a bug, failed on its own instead of spoiling its batch.
import { z } from "zod";
import type { NoteDeliveryPayload } from "../notes/note-input";

const ZAuthor = z.object({ firstName: z.string().min(1), lastName: z.string().min(1) });

export const ZNoteDeliveryPayload = z.discriminatedUnion("operation", [
  z.object({
    operation: z.literal("upsert"),
    atsJobApplicationId: z.string().min(1),
    noteId: z.string().min(1),
    entity: z.object({
      atsCreatedAt: z.number().int().optional(),
      note: z.string(),
      author: ZAuthor.optional(),
    }),
  }),
  z.object({
    operation: z.literal("delete"),
    atsJobApplicationId: z.string().min(1),
    noteId: z.string().min(1),
  }),
]);

export function parseNotePayload(payload: unknown): NoteDeliveryPayload | null {
  const parsed = ZNoteDeliveryPayload.safeParse(payload);
  return parsed.success ? parsed.data : null;
}
