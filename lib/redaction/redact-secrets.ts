// The one redaction rule for every place a credential could leave the server or reach a log: the board
// request log (SEEK and LinkedIn bodies and error messages, redacted before they are stored) and the
// dashboard (redacted again before a browser sees it, so it never depends on every channel getting it
// right). One masking rule: a short prefix and "…" (maskSecret).
//
// What is masked: the given known values (raw, URL-encoded, JSON-escaped), values under secret keys
// (token, seekToken, access_token, authorization, client_secret, password, api key…) in JSON and in
// graphql-js echoes with unquoted keys, secret query or form parameters, Bearer/Basic credentials, and
// base64-JSON tokens ("eyJ…": seek-tokens and JWTs) even when nothing says they are secrets.

const ELLIPSIS = "…";

const KEY_SOURCE = String.raw`[\w-]*token|authorization|[\w-]*secret|password|api[-_]?key`;
const SECRET_KEY = new RegExp(`^(?:${KEY_SOURCE})$`, "i");

// "token": "…" and token: "…"; JSON-escaped quotes stay inside the value. A key is tried only where a
// word starts (the lookbehind), and its leading word characters are taken lazily: tried at every
// position, `[\w-]*token` rescanned each word once per character, the worker's largest cost per logged
// request body. A key that merely ends in a secret word ("mypassword") is masked too.
const KEYED =
  /(?<![\w-])(["']?)([\w-]*?(?:token|authorization|secret|password|api[-_]?key))\1(\s*[:=]\s*)"((?:[^"\\]|\\.)*)"/gi;
// ?seek-token=…&access_token=… in URLs, client_secret=… in form bodies
const PARAM = new RegExp(String.raw`([?&\s]|^)(${KEY_SOURCE})=([^&\s"'<>]+)`, "gim");
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=-]{4,})(?![A-Za-z0-9._~+/=…-])/g;
// A seek-token from a link-out is base64url JSON ("eyJ…" is `{"`); JWTs start the same way.
const BASE64_JSON = /\beyJ[A-Za-z0-9_+/=-]{12,}(?:\.[A-Za-z0-9_+/=-]+){0,2}(?![A-Za-z0-9_+/=.…-])/g;

/** Known values this short are masked only where a key or shape says they are secret (they would match too much). */
const MIN_KNOWN_SECRET = 8;

/** "eyJqb2JJ…": enough to recognise a token, never enough to use it (at most 8 characters, a quarter of it). */
export function maskSecret(value: string): string {
  const keep = Math.min(8, Math.floor(value.length / 4));
  return `${value.slice(0, keep)}${ELLIPSIS}`;
}

// "[redacted]" is how rows logged before this module were marked; they stay as they are.
const alreadyMasked = (value: string) => value.endsWith(ELLIPSIS) || value.includes("[redacted]");

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Every string under a secret key, anywhere in a JSON value (a payload's own tokens). */
export function secretValuesIn(value: unknown, underSecret = false): string[] {
  if (typeof value === "string") return underSecret ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => secretValuesIn(item, underSecret));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => secretValuesIn(item, underSecret || isSecretKey(key)));
  }
  return [];
}

/** A copy of a JSON value with every string under a secret key masked. */
export function redactJson(value: unknown, underSecret = false): unknown {
  if (typeof value === "string") return underSecret && !alreadyMasked(value) ? maskSecret(value) : value;
  if (Array.isArray(value)) return value.map((item) => redactJson(item, underSecret));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactJson(item, underSecret || isSecretKey(key))]),
    );
  }
  return value;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One alternation of every known secret and its encodings, longest first so a secret inside another is cut whole. */
function knownSecretsPattern(
  knownSecrets: Iterable<string | null | undefined>,
): { pattern: RegExp; masks: Map<string, string> } | null {
  const variants = new Map<string, string>();
  for (const secret of knownSecrets) {
    if (typeof secret !== "string" || secret.length < MIN_KNOWN_SECRET) continue;
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
      variants.set(form, maskSecret(secret));
    }
  }
  if (variants.size === 0) return null;
  const alternation = [...variants.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return { pattern: new RegExp(alternation.join("|"), "g"), masks: variants };
}

/**
 * `text` with every secret masked. A batch body carries 100 tokens: the known ones are found in one
 * regular-expression pass, not one pass each (the worker redacts every request it logs).
 */
export function redactSecrets(text: string, knownSecrets?: Iterable<string | null | undefined>): string;
export function redactSecrets(text: string | null, knownSecrets?: Iterable<string | null | undefined>): string | null;
export function redactSecrets(
  text: string | null,
  knownSecrets: Iterable<string | null | undefined> = [],
): string | null {
  if (text === null) return null;
  let out = text;
  const known = knownSecretsPattern(knownSecrets);
  // Every encoding of one secret masks to the same prefix of the secret itself.
  if (known) out = out.replace(known.pattern, (match) => known.masks.get(match) ?? maskSecret(match));
  out = out.replace(KEYED, (match, quote: string, key: string, separator: string, value: string) =>
    alreadyMasked(value) || value === "" ? match : `${quote}${key}${quote}${separator}"${maskSecret(value)}"`,
  );
  out = out.replace(PARAM, (match, lead: string, key: string, value: string) =>
    alreadyMasked(value) ? match : `${lead}${key}=${maskSecret(value)}`,
  );
  out = out.replace(AUTH_SCHEME, (match, scheme: string, space: string, value: string) =>
    alreadyMasked(value) ? match : `${scheme}${space}${maskSecret(value)}`,
  );
  return out.replace(BASE64_JSON, (match) => maskSecret(match));
}
