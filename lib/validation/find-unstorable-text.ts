// PostgreSQL cannot store U+0000 in text or jsonb, and a lone UTF-16 surrogate either fails in jsonb
// ("unsupported Unicode escape sequence") or is silently replaced by U+FFFD in text. Both come from
// JSON escapes (`\u0000`, `\ud800`) or a decoded path, never from real text: refuse them at the edge.

// With the `u` flag a surrogate pair is one code point, so \p{Cs} matches only unpaired halves.
const LONE_SURROGATE = /\p{Cs}/u;

export type UnstorableText = { path: string; message: string };

// A path as a chain to its parent, so a deep walk does not copy the path at every level.
type Path = { key: string; parent: Path | undefined } | undefined;

function pathText(path: Path): string {
  const keys: string[] = [];
  for (let at = path; at; at = at.parent) keys.push(at.key);
  return keys.length ? keys.reverse().join(".") : "(root)";
}

/**
 * The first string (object key or value) in a parsed JSON value that PostgreSQL cannot store. Walks with
 * its own stack: a 256 KiB body of `[[[[…` parses fine and must not overflow the call stack here.
 */
export function findUnstorableText(root: unknown): UnstorableText | undefined {
  const stack: { value: unknown; path: Path }[] = [{ value: root, path: undefined }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value === "string") {
      const message = problemOf(value);
      if (message) return { path: pathText(path), message };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: { key: String(i), parent: path } });
    } else if (value && typeof value === "object") {
      const entries = Object.entries(value);
      for (const [key] of entries) {
        const message = problemOf(key);
        if (message) return { path: pathText({ key, parent: path }), message };
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i] as [string, unknown];
        stack.push({ value: item, path: { key, parent: path } });
      }
    }
  }
  return undefined;
}

function problemOf(text: string): string | undefined {
  if (text.includes("\u0000")) return "must not contain U+0000 (NUL)";
  if (LONE_SURROGATE.test(text)) return "must not contain an unpaired UTF-16 surrogate (e.g. \\ud800 without its pair)";
  return undefined;
}
