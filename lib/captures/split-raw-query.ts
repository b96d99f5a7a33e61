// Splits a raw query string without decoding anything. The seek-token must be stored byte for byte:
// URLSearchParams would turn "+" into a space and decode %-escapes, and SEEK rejects a token that
// differs in any way from the one it sent (seed 002).
export type RawParam = { name: string; raw: string };

export const SEEK_TOKEN_PARAM = "seek-token";
export const CAPTURE_PARAM = "sh_capture";

export function splitRawQuery(search: string): RawParam[] {
  const query = search.startsWith("?") ? search.slice(1) : search;
  if (query === "") return [];
  return query
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const eq = part.indexOf("=");
      return eq === -1 ? { name: part, raw: part } : { name: part.slice(0, eq), raw: part };
    });
}

/** The raw value of the first seek-token parameter, exactly as it appears in the URL. */
export function rawSeekToken(params: RawParam[]): string | undefined {
  const param = params.find((p) => p.name === SEEK_TOKEN_PARAM);
  if (!param) return undefined;
  const eq = param.raw.indexOf("=");
  return eq === -1 ? "" : param.raw.slice(eq + 1);
}
