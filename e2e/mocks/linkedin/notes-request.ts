// Reads a notes request's URL the way LinkedIn's Rest.li 1.0 endpoint does, strictly, so a client that
// builds it wrong (Rest.li 2.0 key syntax, a missing key, ids that are not repeated `ids=` parameters)
// is told so instead of being silently accepted:
//   /v2/atsApplications/atsJobApplicationId={id}&dataProvider=ATS&integrationContext={urn}/notes?ids=N1&ids=N2

export type NotesTarget = { atsJobApplicationId: string; integrationContext: string; ids: string[] };

export type ParsedNotesUrl = { ok: true; target: NotesTarget } | { ok: false; status: number; message: string };

export const MAX_ENTITIES_PER_REQUEST = 100;

const PATH = /^\/v2\/atsApplications\/([^/?]+)\/notes(?:\?(.*))?$/;
const COMPOUND_KEYS = ["atsJobApplicationId", "dataProvider", "integrationContext"] as const;

const bad = (message: string, status = 400): ParsedNotesUrl => ({ ok: false, status, message });

function decode(value: string, form: boolean): string | null {
  try {
    return decodeURIComponent(form ? value.replaceAll("+", " ") : value);
  } catch {
    return null;
  }
}

export function isNotesPath(rawUrl: string): boolean {
  return PATH.test(rawUrl);
}

export function parseNotesUrl(rawUrl: string): ParsedNotesUrl {
  const match = PATH.exec(rawUrl);
  if (!match?.[1]) return bad("Resource not found", 404);
  const compound = match[1];
  if (compound.startsWith("(")) {
    return bad("Rest.li 2.0 key syntax is not accepted here: use atsJobApplicationId=…&dataProvider=ATS&…");
  }
  const key = new Map<string, string>();
  for (const part of compound.split("&")) {
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? null : decode(part.slice(eq + 1), false);
    if (value === null || value === "") return bad(`Malformed compound key part "${part}"`);
    if (key.has(name)) return bad(`Compound key part ${name} given twice`);
    key.set(name, value);
  }
  const names = [...key.keys()].sort();
  if (names.join(",") !== [...COMPOUND_KEYS].sort().join(",")) {
    return bad(`Compound key must have exactly ${COMPOUND_KEYS.join(", ")}; got ${names.join(", ") || "nothing"}`);
  }
  if (key.get("dataProvider") !== "ATS") return bad("dataProvider must be ATS");

  const ids: string[] = [];
  for (const part of (match[2] ?? "").split("&").filter((p) => p !== "")) {
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    if (name !== "ids") return bad(`Unexpected query parameter ${name}`);
    const raw = part.slice(eq + 1);
    if (raw.startsWith("List(")) return bad("Rest.li 2.0 ids=List(…) is not accepted here: repeat ids=");
    const id = decode(raw, true);
    if (id === null || id === "") return bad("Empty or malformed id in ids");
    if (ids.includes(id)) return bad(`Duplicate id ${id} in ids`);
    ids.push(id);
  }
  if (ids.length === 0) return bad("At least one ids parameter is required");
  if (ids.length > MAX_ENTITIES_PER_REQUEST) {
    return bad(`At most ${MAX_ENTITIES_PER_REQUEST} entities per batch request; got ${ids.length}`);
  }
  return {
    ok: true,
    target: {
      atsJobApplicationId: key.get("atsJobApplicationId")!,
      integrationContext: key.get("integrationContext")!,
      ids,
    },
  };
}
