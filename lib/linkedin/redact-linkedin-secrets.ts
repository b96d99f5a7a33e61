// Request logs keep LinkedIn's bodies (notes, error messages) but never a usable credential: access
// tokens and client secrets are cut to a recognisable prefix wherever they appear, known ones by value,
// unknown ones by shape (Bearer values, access_token / client_secret fields and form parameters).

const MARK = "…[redacted]";
const MIN_FREE_TEXT_SECRET = 8;
const KEYED = /(["']?)(access_token|client_secret|authorization)\1(\s*:\s*)"((?:[^"\\]|\\.)*)"/gi;
const FORM = /\b(access_token|client_secret)=([^&\s"]+)/gi;
const BEARER = /\b(Bearer\s+)([A-Za-z0-9._~+/=-]+)/g;

export function redactSecret(value: string): string {
  return value.length <= MIN_FREE_TEXT_SECRET ? "[redacted]" : `${value.slice(0, 4)}${MARK}`;
}

const done = (value: string) => value.endsWith(MARK) || value === "[redacted]";

export function redactLinkedinSecrets(text: string, secrets: Iterable<string | undefined> = []): string {
  const known = [...new Set(secrets)]
    .filter((s): s is string => typeof s === "string" && s.length >= MIN_FREE_TEXT_SECRET)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of known) out = out.split(secret).join(redactSecret(secret));
  out = out.replace(KEYED, (match, quote: string, key: string, colon: string, value: string) =>
    done(value) ? match : `${quote}${key}${quote}${colon}"${redactSecret(value)}"`,
  );
  out = out.replace(FORM, (match, key: string, value: string) =>
    done(value) ? match : `${key}=${redactSecret(value)}`,
  );
  return out.replace(BEARER, (match, prefix: string, value: string) =>
    done(value) ? match : `${prefix}${redactSecret(value)}`,
  );
}
