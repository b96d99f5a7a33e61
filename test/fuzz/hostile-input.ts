// Arbitraries for what an attacker or a broken client sends: ids, JSON bodies (mutations of a valid one,
// random JSON, broken JSON, non-UTF-8 bytes, deep nesting, oversize), query strings and headers.
import fc from "fast-check";

export type RawBody = string | Uint8Array<ArrayBuffer>;

// Any UTF-16 code unit, lone surrogates included (fast-check's own units leave those out).
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const nasty = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFF",
  "🎉",
  "面接",
  "%FF",
  "%C3%28",
  "%00",
  "%ED%A0%80",
  "..",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "null",
  "__proto__",
  "constructor",
  "2999-01-01T00:00:00Z",
  "1999-07-26T23:48:58.775Z",
  "-1",
  "1e309",
  "x".repeat(5000),
];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...nasty) },
    { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 300 }) },
  );

export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 5, arbitrary: hostileString() },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
    { weight: 1, arbitrary: fc.array(hostileString(), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(hostileString(), hostileString(), { maxKeys: 3 }) },
  );

/** Path ids: known ones (to reach deep code), plausible ones, and hostile ones. */
export const hostileId = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("A1", "P1", "C1", "N1", "std", "pos", "h1") },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/) },
    { weight: 4, arbitrary: hostileString().filter((s) => s.length > 0) },
  );

/** Dotted paths of every leaf and object in a body, to replace or extend. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

function withValueAt(body: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const copy = { ...(body as Record<string, unknown>) };
  Object.defineProperty(copy, head, {
    value: withValueAt(copy[head], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

/** A body as bytes on the wire, starting from a valid one. */
export const hostileBody = (valid: Record<string, unknown>): fc.Arbitrary<RawBody> => {
  const paths = pathsOf(valid);
  const mutated = fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...paths),
          hostileString().map((k) => [k]),
        ),
        fc.oneof({ weight: 4, arbitrary: hostileValue() }, { weight: 1, arbitrary: fc.constant(undefined) }),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((edits) => edits.reduce<unknown>((body, [path, value]) => withValueAt(body, path, value), valid));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(JSON.stringify(valid)) },
    { weight: 8, arbitrary: mutated.map((b) => JSON.stringify(b)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 50 }) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify(valid)).map((t) => t.slice(0, t.length - 1)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => new Uint8Array(bytes)) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1, max: 120_000 }).map((n) => utf8(`${"[".repeat(n)}${"]".repeat(n)}`)),
    },
    { weight: 1, arbitrary: fc.constant(utf8(`{"note":"${"x".repeat(300_000)}"}`)) },
  );
};

export const hostileQuery = (): fc.Arbitrary<string> =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom("state", "channel", "cursor", "limit", "positionId", "userId", "x", "state[]", "__proto__"),
        fc.oneof(
          fc.constantFrom("pending", "dead", "seek-signal", "0", "10000", "-1", "1.5", "%FF", "%00", "%C3%28"),
          hostileString().map(percentEncode).filter(Boolean),
        ),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}` : ""))
    .filter((q) => {
      try {
        new URL(`http://localhost/x${q}`);
        return true;
      } catch {
        return false;
      }
    });

// Header values are byte strings without NUL, CR or LF (Request refuses others before our code runs).
const headerText = (maxLength: number) =>
  fc
    .array(fc.integer({ min: 0x21, max: 0xff }), { maxLength })
    .map((codes) => String.fromCharCode(...codes.filter((c) => c !== 0x7f)));

/** Headers as a plain record, so a counterexample prints them. */
export const hostileHeaders = (key: string): fc.Arbitrary<Record<string, string>> =>
  fc
    .record({
      authorization: fc.oneof(
        { weight: 8, arbitrary: fc.constant(`Bearer ${key}`) },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: headerText(80).map((t) => `Bearer ${t}`) },
      ),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant("application/json") },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            "application/json; charset=utf-8",
            "application/merge-patch+json",
            "text/plain",
            "multipart/form-data; boundary=x",
            "application/jsonx",
          ),
        },
        { weight: 1, arbitrary: headerText(40) },
      ),
      idempotencyKey: fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 3, arbitrary: fc.constantFrom("fuzz-1", "fuzz-2", "fuzz-3") },
        { weight: 1, arbitrary: headerText(300) },
      ),
      contentLength: fc.oneof(
        { weight: 8, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom("0", "-1", "abc", "999999999999", "1e3") },
      ),
    })
    .map(({ authorization, contentType, idempotencyKey, contentLength }) => {
      const headers: Record<string, string> = {};
      if (authorization !== undefined) headers.authorization = authorization;
      if (contentType) headers["content-type"] = contentType;
      if (idempotencyKey !== undefined) headers["idempotency-key"] = idempotencyKey;
      if (contentLength !== undefined) headers["content-length"] = contentLength;
      return headers;
    });

// A raw `%xx` stays as sent; anything else is encoded as a client would (lone surrogates as WTF-8 bytes).
export function percentEncode(id: string): string {
  return Array.from(id)
    .map((ch) => {
      if (/^[A-Za-z0-9\-._~%]$/.test(ch)) return ch;
      const code = ch.codePointAt(0) ?? 0;
      if (code >= 0xd800 && code <= 0xdfff) {
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join("");
      }
      return encodeURIComponent(ch);
    })
    .join("");
}
