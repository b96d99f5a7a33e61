// Cursor pagination for the v1 read-back lists (docs/decisions/0142). Lists are ordered by the ATS's own
// id, which is unique per organization and indexed with it, so the order is stable and a page is an index
// walk. The cursor is opaque to the ATS (base64url of the last id shown): clients must not build one, and
// we stay free to change what it holds.
import { z } from "zod";

export const MAX_PAGE_LIMIT = 200;
export const DEFAULT_PAGE_LIMIT = 50;

export function encodeCursor(lastExternalId: string): string {
  return Buffer.from(JSON.stringify({ after: lastExternalId }), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): string | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const after = (parsed as { after?: unknown } | null)?.after;
    return typeof after === "string" && after.length > 0 ? after : null;
  } catch {
    return null;
  }
}

const NOT_A_CURSOR = "must be the nextCursor of a previous page";

/** `cursor` as sent (opaque), decoded into the id the next page starts after. */
export const ZCursor = z
  .string()
  .max(1000, NOT_A_CURSOR)
  .regex(/^[A-Za-z0-9_-]+$/, NOT_A_CURSOR)
  .transform((cursor, ctx) => {
    const after = decodeCursor(cursor);
    if (after === null) {
      ctx.addIssue({ code: "custom", message: NOT_A_CURSOR });
      return z.NEVER;
    }
    return after;
  });

export const ZPageQuery = {
  cursor: ZCursor.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
};

/** Rows fetched with `take: limit + 1`: the page, and the cursor of the next one when there is more. */
export function pageOf<T>(
  rows: T[],
  limit: number,
  idOf: (row: T) => string,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(idOf(last)) : null };
}
