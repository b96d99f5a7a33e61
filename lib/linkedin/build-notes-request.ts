// The HTTP request for one planned request: PUT with a batch_update body for upserts, DELETE with no
// body for deletes, both on the application's Rest.li 1.0 notes URL (notes-url.ts).
import { batchUpdateBody, notesPathAndQuery, notesUrl } from "./notes-url";
import type { PlannedRequest } from "./plan-note-requests";

export type NotesWireRequest = {
  method: "PUT" | "DELETE";
  url: string;
  /** path and query, for the request log */
  path: string;
  body: string | null;
  noteIds: string[];
};

export function buildNotesRequest(
  apiUrl: string,
  integrationContext: string,
  request: PlannedRequest,
): NotesWireRequest {
  const noteIds = request.changes.map((c) => c.payload.noteId);
  const target = { atsJobApplicationId: request.atsJobApplicationId, integrationContext, noteIds };
  const body =
    request.operation === "upsert"
      ? batchUpdateBody(
          request.changes.map((c) => [c.payload.noteId, c.payload.operation === "upsert" ? c.payload.entity : {}]),
        )
      : null;
  return {
    method: request.operation === "upsert" ? "PUT" : "DELETE",
    url: notesUrl(apiUrl, target),
    path: notesPathAndQuery(target),
    body,
    noteIds,
  };
}
