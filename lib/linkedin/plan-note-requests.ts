// How a batch of note changes becomes LinkedIn requests (docs/decisions/0050). One application's
// changes go in the order they were written (the batch order, which is seq order), never reordered:
// consecutive changes of the same kind share a request, a change of kind starts a new one (upserts are
// a PUT batch_update, deletes a DELETE batch_delete), and so does a note already in the request (a
// batch is keyed by note id, so one request cannot carry two changes of one note) or a full request
// (LinkedIn: at most 100 records per batch). Applications are independent of each other.
import type { NoteDeliveryPayload } from "../notes/note-input";

export const MAX_NOTES_PER_REQUEST = 100;

export type NoteChange = { deliveryId: string; organizationId: string; payload: NoteDeliveryPayload };

export type PlannedRequest = {
  organizationId: string;
  atsJobApplicationId: string;
  operation: NoteDeliveryPayload["operation"];
  changes: NoteChange[];
};

/** The requests of one application, to be sent one after another in this order. */
export type ApplicationPlan = { organizationId: string; atsJobApplicationId: string; requests: PlannedRequest[] };

export function planNoteRequests(
  changes: readonly NoteChange[],
  maxPerRequest = MAX_NOTES_PER_REQUEST,
): ApplicationPlan[] {
  const size = Math.max(1, Math.min(MAX_NOTES_PER_REQUEST, Math.floor(maxPerRequest)));
  const plans = new Map<string, ApplicationPlan>();
  for (const change of changes) {
    const { atsJobApplicationId, operation, noteId } = change.payload;
    const key = JSON.stringify([change.organizationId, atsJobApplicationId]);
    let plan = plans.get(key);
    if (!plan) {
      plan = { organizationId: change.organizationId, atsJobApplicationId, requests: [] };
      plans.set(key, plan);
    }
    const current = plan.requests.at(-1);
    const fits =
      current !== undefined &&
      current.operation === operation &&
      current.changes.length < size &&
      !current.changes.some((c) => c.payload.noteId === noteId);
    if (fits) current.changes.push(change);
    else
      plan.requests.push({ organizationId: change.organizationId, atsJobApplicationId, operation, changes: [change] });
  }
  return [...plans.values()];
}
