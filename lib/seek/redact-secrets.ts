// Request and response bodies are logged in full (SEEK asks partners to) but never with a usable
// credential: seek-tokens and partner tokens are cut to a recognisable prefix wherever they appear.

const MARK = "…[redacted]";
/** Shorter values are still redacted under a token key, but not hunted for in free text. */
const MIN_FREE_TEXT_SECRET = 8;
// "token": "…", token: "…" (graphql-js echoes inputs unquoted), "access_token", "authorization"
const KEYED_SECRET = /(["']?)(token|access_token|authorization)\1(\s*:\s*)"((?:[^"\\]|\\.)*)"/gi;
const BEARER = /\b(Bearer\s+)([A-Za-z0-9._~+/=-]+)/g;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "eyJq…[redacted]": enough to match a log line to a token, never enough to use it. */
export function redactSecret(value: string): string {
  return value.length <= MIN_FREE_TEXT_SECRET ? `[redacted]` : `${value.slice(0, 4)}${MARK}`;
}

/** `text` with every known secret, every value under a token-like key, and every Bearer credential redacted. */
export function redactSecrets(text: string, secrets: Iterable<string> = []): string {
  const known = [...new Set(secrets)]
    .filter((s) => s.length >= MIN_FREE_TEXT_SECRET)
    .sort((a, b) => b.length - a.length);
  // One pass for all of them (a batch body holds 100 tokens); longest first, so a token that contains
  // another is cut whole.
  let out = known.length === 0 ? text : text.replace(new RegExp(known.map(escapeRegExp).join("|"), "g"), redactSecret);
  out = out.replace(KEYED_SECRET, (match, quote: string, key: string, colon: string, value: string) =>
    value.endsWith(MARK) || value === "[redacted]" ? match : `${quote}${key}${quote}${colon}"${redactSecret(value)}"`,
  );
  return out.replace(BEARER, (match, prefix: string, value: string) =>
    value.endsWith(MARK) ? match : `${prefix}${redactSecret(value)}`,
  );
}
