// A path id must be valid UTF-8 once percent-decoded. Next decodes params itself; what it hands over for
// a segment such as `%C3%28` or `%FF` is not ours to rely on, so the raw request path is the judge.
import { AppError } from "../errors/app-error";

/** Throws 400 naming the path parameter whose raw segment does not percent-decode to UTF-8. */
export function assertPathIsUtf8(url: string, params: Record<string, string | string[]>): void {
  const raw = rawPathname(url);
  for (const segment of raw.split("/")) {
    if (decodes(segment)) continue;
    const name = Object.entries(params).find(([, value]) => [value].flat().some((v) => matches(v, segment)))?.[0];
    const field = name ? `path.${name}` : "path";
    throw new AppError(
      "VALIDATION_FAILED",
      `The request path is not valid: ${field} is not valid UTF-8 once decoded.`,
      [{ path: field, message: "is not valid UTF-8 percent-encoding", code: "invalid_encoding" }],
    );
  }
}

function rawPathname(url: string): string {
  // `new URL` keeps percent-escapes in the pathname as they were sent.
  return new URL(url).pathname;
}

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

// Next may pass the segment undecoded, or decoded leniently (invalid sequences as U+FFFD).
function matches(value: string, segment: string): boolean {
  return value === segment || value === lenientDecode(segment);
}

function lenientDecode(segment: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < segment.length; ) {
    const hex = /^%([0-9a-fA-F]{2})/.exec(segment.slice(i));
    if (hex?.[1]) {
      bytes.push(Number.parseInt(hex[1], 16));
      i += 3;
    } else {
      bytes.push(...Buffer.from(segment[i] ?? "", "utf8"));
      i += 1;
    }
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(new Uint8Array(bytes));
}
