// The part of a notes request that LinkedIn answers on its merits once the caller is authenticated and
// within its limits: the Rest.li method header, the body's shape against the ids in the URL, and then
// each entity on its own: a 200 whose body says, per note id, 204 or an error.
import type { IncomingHttpHeaders } from "node:http";
import { entityKeysInTextOrder } from "./entity-key-order";
import type { EntityErrors } from "./faults";
import type { NotesTarget } from "./notes-request";
import type { NotesStore } from "./notes-store";
import { validateNoteEntity } from "./validate-note-entity";

export type EntityError = { status: number; message: string };
export type BatchAnswer = { results: Record<string, { status: number }>; errors: Record<string, EntityError> };
export type RequestCheck =
  | { ok: true; entities: Record<string, unknown> | null }
  | { ok: false; status: number; message: string };

const EXPECTED_METHOD = { PUT: "batch_update", DELETE: "batch_delete" } as const;

const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The request as a whole: right x-restli-method, and for PUT a body whose keys are the ids, in order. */
export function checkNotesRequest(
  method: "PUT" | "DELETE",
  target: NotesTarget,
  headers: IncomingHttpHeaders,
  body: string,
): RequestCheck {
  const restliMethod = header(headers, "x-restli-method")?.toLowerCase();
  // The seed shows batch_update for PUT and documents no header for DELETE: a DELETE with ids is a
  // batch_delete either way, so it may name it or leave it out, but never name another method.
  const headerOptional = method === "DELETE" && restliMethod === undefined;
  if (!headerOptional && restliMethod !== EXPECTED_METHOD[method]) {
    return {
      ok: false,
      status: 400,
      message: `${method} on a batch needs x-restli-method: ${EXPECTED_METHOD[method]} (got ${restliMethod ?? "none"})`,
    };
  }
  if (method === "DELETE") return { ok: true, entities: null };
  if (!header(headers, "content-type")?.toLowerCase().startsWith("application/json")) {
    return { ok: false, status: 415, message: "Content-Type must be application/json" };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, status: 400, message: "Request body is not valid JSON" };
  }
  const entities = (parsed as { entities?: unknown } | null)?.entities;
  if (typeof entities !== "object" || entities === null || Array.isArray(entities)) {
    return { ok: false, status: 400, message: "Request body must be { entities: { <id>: { … } } }" };
  }
  const extra = Object.keys(parsed as object).filter((k) => k !== "entities");
  if (extra.length > 0) return { ok: false, status: 400, message: `Unrecognized field /${extra[0]}` };
  const keys = entityKeysInTextOrder(body);
  if (keys.join("\u0000") !== target.ids.join("\u0000")) {
    return {
      ok: false,
      status: 400,
      message: `Keys of entities (${keys.join(", ")}) must be the ids of the URL, in order (${target.ids.join(", ")})`,
    };
  }
  return { ok: true, entities: entities as Record<string, unknown> };
}

/** Each entity on its own: injected errors first, then validation, then the change is made. */
export function applyNotesBatch(
  target: NotesTarget,
  entities: Record<string, unknown> | null,
  store: NotesStore,
  injected: EntityErrors,
): BatchAnswer {
  const answer: BatchAnswer = { results: {}, errors: {} };
  const { integrationContext, atsJobApplicationId } = target;
  for (const id of target.ids) {
    const error = injected.take(id);
    if (error) {
      answer.errors[id] = error;
      continue;
    }
    if (entities === null) {
      if (store.delete(integrationContext, atsJobApplicationId, id)) answer.results[id] = { status: 204 };
      else answer.errors[id] = { status: 404, message: `Note ${id} not found` };
      continue;
    }
    const check = validateNoteEntity(entities[id]);
    if (!check.ok) {
      answer.errors[id] = { status: 400, message: check.message };
      continue;
    }
    store.upsert(integrationContext, atsJobApplicationId, id, check.entity);
    answer.results[id] = { status: 204 };
  }
  return answer;
}
