// One entity of a notes batch_update, checked against LinkedIn's documented fields (seed 004): note
// (string), author (Actor: firstName and lastName both required), atsCreatedAt (UTC epoch milliseconds).
// All three are optional; anything else is an unrecognised field, as Rest.li schema validation says.

export type NoteEntity = { note?: string; author?: { firstName: string; lastName: string }; atsCreatedAt?: number };

export type EntityCheck = { ok: true; entity: NoteEntity } | { ok: false; message: string };

const FIELDS = new Set(["note", "author", "atsCreatedAt"]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function validateNoteEntity(value: unknown): EntityCheck {
  if (!isObject(value)) return { ok: false, message: "Entity must be an object" };
  for (const field of Object.keys(value)) {
    if (!FIELDS.has(field)) return { ok: false, message: `Unrecognized field /${field}` };
  }
  const { note, author, atsCreatedAt } = value;
  if (note !== undefined && typeof note !== "string") return { ok: false, message: "/note must be a string" };
  if (atsCreatedAt !== undefined && !(typeof atsCreatedAt === "number" && Number.isSafeInteger(atsCreatedAt))) {
    return { ok: false, message: "/atsCreatedAt must be epoch milliseconds (a whole number)" };
  }
  if (author !== undefined) {
    if (!isObject(author)) return { ok: false, message: "/author must be an object" };
    for (const field of ["firstName", "lastName"] as const) {
      if (typeof author[field] !== "string" || author[field] === "") {
        return { ok: false, message: `/author/${field} is required` };
      }
    }
    for (const field of Object.keys(author)) {
      if (field !== "firstName" && field !== "lastName") {
        return { ok: false, message: `Unrecognized field /author/${field}` };
      }
    }
  }
  return { ok: true, entity: value as NoteEntity };
}
