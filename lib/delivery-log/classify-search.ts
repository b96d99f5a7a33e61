// The delivery log's search box: one term, tried as every kind of id its shape allows. Delivery ids are
// cuids, X-Request-Ids UUIDs (the engine's own "engine-<uuid>"), application ids whatever the ATS uses,
// and seek-tokens are only ever stored as their first TOKEN_PREFIX_LENGTH characters (Delivery.tokenPrefix),
// so a token is found by its prefix: a whole pasted token is cut to that prefix, a shorter term matches
// every prefix it starts. Pure, so the page can say what it searched for.
import { TOKEN_PREFIX_LENGTH } from "../delivery/enqueue/token-prefix-length";

export type TSearchPlan = {
  term: string;
  deliveryId?: string;
  requestId?: string;
  /** an application's ATS id, or Signalhouse's own */
  applicationId?: string;
  tokenPrefix?: { equals: string } | { startsWith: string };
};

const CUID = /^c[a-z0-9]{20,31}$/;
const UUID = /^(engine-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RECORD_ID = /^[^\s/?#]{1,200}$/;
/** Fewer characters than this would match most tokens (base64 JSON tokens all start "eyJ"). */
const MIN_TOKEN_SEARCH = 4;
/** Longer terms can only be a token: the URL keeps just its prefix, so a pasted token never lands in an address. */
const LONGEST_ID = 64;

export function classifySearch(raw: string): TSearchPlan | null {
  const term = raw.trim();
  if (!term) return null;
  const plan: TSearchPlan = { term };
  if (CUID.test(term)) plan.deliveryId = term;
  if (UUID.test(term)) plan.requestId = term;
  if (RECORD_ID.test(term)) plan.applicationId = term;
  if (term.length >= MIN_TOKEN_SEARCH && !/\s/.test(term)) {
    plan.tokenPrefix =
      term.length >= TOKEN_PREFIX_LENGTH ? { equals: term.slice(0, TOKEN_PREFIX_LENGTH) } : { startsWith: term };
  }
  return plan;
}

/**
 * The byte-order range [from, to) holding exactly the strings that start with `prefix`: in COLLATE "C"
 * (UTF-8 byte order = code point order) those are the strings from the prefix up to the prefix with its
 * last character's code point plus one. A btree on "tokenPrefix" COLLATE "C" serves it.
 */
export function prefixRange(prefix: string): { from: string; to: string } {
  const chars = [...prefix];
  const last = chars.pop()?.codePointAt(0) ?? 0;
  // Skip the surrogate block, which no string holds. After U+10FFFF there is no next character: two of them
  // bound every realistic continuation (tokens are base64url).
  const next = last === 0xd7ff ? 0xe000 : last + 1;
  return { from: prefix, to: chars.join("") + (next > 0x10ffff ? "\u{10FFFF}\u{10FFFF}" : String.fromCodePoint(next)) };
}

/** What the search box puts in the URL: a term that can only be a token is cut to the part that is stored. */
export function searchTermForUrl(raw: string): string {
  const term = raw.trim();
  if (term.length > LONGEST_ID || /^eyJ[A-Za-z0-9_-]{20,}/.test(term)) return term.slice(0, TOKEN_PREFIX_LENGTH);
  return term;
}

/** "delivery id, X-Request-Id, application id or token prefix" — what a search was tried as. */
export function describeSearch(plan: TSearchPlan): string {
  const kinds = [
    plan.deliveryId ? "delivery id" : null,
    plan.requestId ? "X-Request-Id" : null,
    plan.applicationId ? "application id" : null,
    plan.tokenPrefix
      ? "equals" in plan.tokenPrefix
        ? `seek-token prefix "${plan.tokenPrefix.equals}"`
        : `seek-token starting "${plan.tokenPrefix.startsWith}"`
      : null,
  ].filter((kind): kind is string => kind !== null);
  if (kinds.length <= 1) return kinds[0] ?? "nothing";
  return `${kinds.slice(0, -1).join(", ")} or ${kinds.at(-1)}`;
}
