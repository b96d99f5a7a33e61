// PostgreSQL cannot store U+0000 in text or jsonb, and a lone UTF-16 surrogate either fails in jsonb
// ("unsupported Unicode escape sequence") or is silently replaced by U+FFFD in text. Both come from
// JSON escapes (`\u0000`, `\ud800`) or a decoded path, never from real text: refuse them at the edge.

// With the `u` flag a surrogate pair is one code point, so \p{Cs} matches only unpaired halves.
const LONE_SURROGATE = /\p{Cs}/u;

export type UnstorableText = { path: string; message: string };

/** The first string (object key or value) in a parsed JSON value that PostgreSQL cannot store. */
export function findUnstorableText(value: unknown, path: string[] = []): UnstorableText | undefined {
  if (typeof value === "string") return problemOf(value, path);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = problemOf(key, [...path, key]) ?? findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function problemOf(text: string, path: string[]): UnstorableText | undefined {
  const where = path.length ? path.join(".") : "(root)";
  if (text.includes("\u0000")) return { path: where, message: "must not contain U+0000 (NUL)" };
  if (LONE_SURROGATE.test(text)) {
    return { path: where, message: "must not contain an unpaired UTF-16 surrogate (e.g. \\ud800 without its pair)" };
  }
  return undefined;
}
