// The last fence before delivery data reaches a browser. The channels already store bodies redacted, but
// the dashboard must not depend on every channel (or a future one) getting that right: anything that still
// looks like a credential or a seek-token is cut to a short prefix and "…" here, whatever its source.
// Payloads are masked by key (a `token` field shows as "eyJqb2JJ…"); free text by the payload's own
// token values (the best evidence of what a secret looks like), by key, by query parameter and by shape.

const ELLIPSIS = "…";

/** Keys whose values are secrets: token, seekToken, seek-token, access_token, authorization, client_secret… */
const SECRET_KEY = /^(?:[\w-]*token|authorization|[\w-]*secret|password|api[-_]?key)$/i;
const KEY_SOURCE = String.raw`[\w-]*token|authorization|[\w-]*secret|password|api[-_]?key`;

// "token": "…" and token: "…" (graphql-js echoes inputs with unquoted keys); JSON-escaped quotes stay inside.
const KEYED = new RegExp(String.raw`(["']?)(${KEY_SOURCE})\1(\s*[:=]\s*)"((?:[^"\\]|\\.)*)"`, "gi");
// ?seek-token=…&access_token=… in URLs and form bodies
const PARAM = new RegExp(String.raw`([?&\s]|^)(${KEY_SOURCE})=([^&\s"'<>]+)`, "gim");
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=-]{4,})(?![A-Za-z0-9._~+/=…-])/g;
// A seek-token from a link-out is base64url JSON ("eyJ…" is `{"`); JWTs start the same way.
const BASE64_JSON = /\beyJ[A-Za-z0-9_+/=-]{12,}(?:\.[A-Za-z0-9_+/=-]+){0,2}(?![A-Za-z0-9_+/=.…-])/g;

/** Values this short are masked entirely rather than hunted for in free text (they would match too much). */
const MIN_KNOWN_SECRET = 8;

/** "eyJqb2JJ…": enough to recognise a token, never enough to use it (at most 8 characters, a quarter of it). */
export function maskSecret(value: string): string {
  const keep = Math.min(8, Math.floor(value.length / 4));
  return `${value.slice(0, keep)}${ELLIPSIS}`;
}

const alreadyMasked = (value: string) => value.endsWith(ELLIPSIS) || value.includes("[redacted]");

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Every string under a secret key, anywhere in a JSON value (the payload's own tokens). */
export function secretValuesIn(value: unknown, underSecret = false): string[] {
  if (typeof value === "string") return underSecret ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => secretValuesIn(item, underSecret));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => secretValuesIn(item, underSecret || isSecretKey(key)));
  }
  return [];
}

/** A copy of a JSON value with every string under a secret key masked. */
export function redactJsonForDisplay(value: unknown, underSecret = false): unknown {
  if (typeof value === "string") return underSecret && !alreadyMasked(value) ? maskSecret(value) : value;
  if (Array.isArray(value)) return value.map((item) => redactJsonForDisplay(item, underSecret));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactJsonForDisplay(item, underSecret || isSecretKey(key))]),
    );
  }
  return value;
}

/**
 * Free text (a request or response body, an error message) with every secret masked: the given known
 * values (also URL-encoded), values under secret keys, secret query parameters, Authorization credentials
 * and base64-JSON tokens.
 */
export function redactForDisplay(text: string, knownSecrets?: Iterable<string>): string;
export function redactForDisplay(text: string | null, knownSecrets?: Iterable<string>): string | null;
export function redactForDisplay(text: string | null, knownSecrets: Iterable<string> = []): string | null {
  if (text === null) return null;
  const variants = new Set<string>();
  for (const secret of knownSecrets) {
    if (secret.length < MIN_KNOWN_SECRET) continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    variants.add(JSON.stringify(secret).slice(1, -1));
  }
  let out = text;
  for (const secret of [...variants].sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(maskSecret(secret));
  }
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
