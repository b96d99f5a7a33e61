// PUT /api/v1/applications/:applicationId/notes/:noteId — create or update a note for LinkedIn
// DELETE same path — remove it
import { z } from "zod";
import { v1Write } from "@/lib/api/v1-route";
import { ZNoteInput } from "@/lib/notes/note-input";
import { deleteNote, putNote } from "@/lib/notes/put-note";
import { ZExternalId } from "@/lib/validation/external-id";

const ZParams = z.object({ applicationId: ZExternalId, noteId: ZExternalId });

export const PUT = v1Write({
  params: ZParams,
  body: ZNoteInput,
  write: ({ tx, scope, body, params, now }) => putNote(tx, scope, { ...params, body }, now),
});

export const DELETE = v1Write({
  params: ZParams,
  body: z.object({}).strict(),
  write: ({ tx, scope, params, now }) => deleteNote(tx, scope, params, now),
});
