import { describe, expect, it } from "vitest";
import type { NoteDeliveryPayload } from "../notes/note-input";
import { type NoteChange, planNoteRequests } from "./plan-note-requests";

let next = 0;
function change(
  operation: "upsert" | "delete",
  noteId: string,
  application = "A1",
  organizationId = "org1",
): NoteChange {
  next += 1;
  const payload: NoteDeliveryPayload =
    operation === "upsert"
      ? { operation, atsJobApplicationId: application, noteId, entity: { note: `note ${noteId}` } }
      : { operation, atsJobApplicationId: application, noteId };
  return { deliveryId: `d${next}`, organizationId, payload };
}

const shape = (plans: ReturnType<typeof planNoteRequests>) =>
  plans.map((p) => ({
    application: `${p.organizationId}/${p.atsJobApplicationId}`,
    requests: p.requests.map((r) => `${r.operation}:${r.changes.map((c) => c.payload.noteId).join(",")}`),
  }));

describe("planNoteRequests", () => {
  it("sends 250 notes of one application as requests of at most 100, in the order they were written", () => {
    const changes = Array.from({ length: 250 }, (_, i) => change("upsert", `N${i}`));
    const [plan, ...others] = planNoteRequests(changes);
    expect(others).toEqual([]);
    expect(plan?.requests.map((r) => r.changes.length)).toEqual([100, 100, 50]);
    expect(plan?.requests.flatMap((r) => r.changes)).toEqual(changes);
  });

  it("never reorders: upsert N1, delete N1, upsert N2 become three consecutive requests", () => {
    const plans = planNoteRequests([change("upsert", "N1"), change("delete", "N1"), change("upsert", "N2")]);
    expect(shape(plans)).toEqual([{ application: "org1/A1", requests: ["upsert:N1", "delete:N1", "upsert:N2"] }]);
  });

  it("groups consecutive changes of one kind, and starts a new request when the kind changes", () => {
    const plans = planNoteRequests([
      change("upsert", "N1"),
      change("upsert", "N2"),
      change("delete", "N3"),
      change("delete", "N4"),
      change("upsert", "N5"),
    ]);
    expect(shape(plans)[0]?.requests).toEqual(["upsert:N1,N2", "delete:N3,N4", "upsert:N5"]);
  });

  it("starts a new request when a note is changed twice, since a batch is keyed by note id", () => {
    const plans = planNoteRequests([change("upsert", "N1"), change("upsert", "N2"), change("upsert", "N1")]);
    expect(shape(plans)[0]?.requests).toEqual(["upsert:N1,N2", "upsert:N1"]);
  });

  it("keeps applications and organizations apart, each in its own order, in order of first appearance", () => {
    const plans = planNoteRequests([
      change("upsert", "N1", "A1"),
      change("upsert", "M1", "A2"),
      change("upsert", "N2", "A1"),
      change("upsert", "X1", "A1", "org2"),
      change("delete", "M1", "A2"),
    ]);
    expect(shape(plans)).toEqual([
      { application: "org1/A1", requests: ["upsert:N1,N2"] },
      { application: "org1/A2", requests: ["upsert:M1", "delete:M1"] },
      { application: "org2/A1", requests: ["upsert:X1"] },
    ]);
  });

  it("never puts more than 100 records in one request, whatever it is asked", () => {
    const changes = Array.from({ length: 150 }, (_, i) => change("delete", `N${i}`));
    expect(planNoteRequests(changes, 500)[0]?.requests.map((r) => r.changes.length)).toEqual([100, 50]);
    expect(planNoteRequests(changes, 60)[0]?.requests.map((r) => r.changes.length)).toEqual([60, 60, 30]);
  });

  it("plans nothing for an empty batch", () => {
    expect(planNoteRequests([])).toEqual([]);
  });
});
