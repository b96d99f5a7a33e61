import { describe, expect, it } from "vitest";
import { describeChange, summarizeError } from "./describe-change";

describe("describeChange", () => {
  it("a status change reads as its labels from → to", () => {
    expect(
      describeChange({
        type: "ApplicationStatusChanged",
        fromLabel: "Shortlisted",
        toLabel: "First interview",
        data: null,
      }),
    ).toBe("Shortlisted → First interview");
  });

  it("a first status has no 'from'", () => {
    expect(describeChange({ type: "PositionStatusChanged", fromLabel: null, toLabel: "Open", data: null })).toBe(
      "→ Open",
    );
  });

  it("a note change names the note by the ATS's id and what happened to it", () => {
    expect(
      describeChange({ type: "NoteUpdated", fromLabel: null, toLabel: null, data: { noteId: "APPL_NOTE123" } }),
    ).toBe("note APPL_NOTE123 updated");
    expect(describeChange({ type: "NoteDeleted", fromLabel: null, toLabel: null, data: { noteId: "N1" } })).toBe(
      "note N1 deleted",
    );
  });

  it("a history item change names the item by its idempotency id", () => {
    expect(
      describeChange({
        type: "HistoryItemCreated",
        fromLabel: null,
        toLabel: null,
        data: { idempotencyId: "visit-7" },
      }),
    ).toBe("history item visit-7 created");
  });

  it("no event: nothing to say", () => {
    expect(describeChange(null)).toBeNull();
  });
});

describe("summarizeError", () => {
  it("joins the code and the message's first line, saying the code once", () => {
    expect(summarizeError("SEEK_5XX", "SEEK_5XX: upstream said 503\nbody: …")).toBe("SEEK_5XX: upstream said 503");
    expect(summarizeError("RATE_LIMITED", "Too many requests")).toBe("RATE_LIMITED: Too many requests");
  });

  it("cuts a long message to one row's worth, marking the cut", () => {
    const summary = summarizeError("X", "a".repeat(500));
    expect(summary).toHaveLength(140);
    expect(summary?.endsWith("…")).toBe(true);
  });

  it("nothing went wrong: no summary", () => {
    expect(summarizeError(null, null)).toBeNull();
  });
});
