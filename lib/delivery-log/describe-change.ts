// What a delivery is about, in the words an admin scans a list for: "Shortlisted → First interview",
// "note APPL_NOTE123 updated", "history item visit-7 created", and for a failure the error in one short
// line. Built from the business event behind the row and the labels of the pipeline version it was
// recorded in. Pure: the list, the CSV and the failure groups word it the same way.

export type TChangeFacts = {
  type: string;
  fromLabel: string | null;
  toLabel: string | null;
  /** Event.data as stored: { noteId } for notes, { idempotencyId } for history items */
  data: unknown;
};

function dataField(data: unknown, field: string): string | null {
  if (typeof data !== "object" || data === null) return null;
  const value = (data as Record<string, unknown>)[field];
  return typeof value === "string" ? value : null;
}

const VERB: Record<string, string> = { Created: "created", Updated: "updated", Deleted: "deleted" };

export function describeChange(facts: TChangeFacts | null): string | null {
  if (!facts) return null;
  switch (facts.type) {
    case "ApplicationStatusChanged":
    case "PositionStatusChanged": {
      const to = facts.toLabel ?? "?";
      return facts.fromLabel ? `${facts.fromLabel} → ${to}` : `→ ${to}`;
    }
    case "ApplicationCompleted":
      return "application completed";
  }
  const note = /^Note(Created|Updated|Deleted)$/.exec(facts.type);
  if (note?.[1]) return `note ${dataField(facts.data, "noteId") ?? "?"} ${VERB[note[1]]}`;
  const history = /^HistoryItem(Created|Updated|Deleted)$/.exec(facts.type);
  if (history?.[1]) return `history item ${dataField(facts.data, "idempotencyId") ?? "?"} ${VERB[history[1]]}`;
  return facts.type;
}

const SUMMARY_LENGTH = 140;

/** "SEEK_RATE_LIMITED: Too many requests (retry after 30 s)" cut to one line a row can hold. */
export function summarizeError(code: string | null, message: string | null): string | null {
  if (!code && !message) return null;
  const firstLine = (message ?? "").split("\n", 1)[0]?.trim() ?? "";
  // The message often repeats the code at its start; say it once.
  const text = code && firstLine.startsWith(code) ? firstLine.slice(code.length).replace(/^[\s:—-]+/, "") : firstLine;
  const joined = code ? (text ? `${code}: ${text}` : code) : text;
  return joined.length > SUMMARY_LENGTH ? `${joined.slice(0, SUMMARY_LENGTH - 1)}…` : joined;
}
