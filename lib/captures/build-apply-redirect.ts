// Where the apply redirect sends the candidate: the position's own applyUrl, and nowhere else, whatever
// the query says. The other query parameters are carried over exactly as they came, plus sh_capture.
import { ORG_PARAM } from "./apply-target";
import { CAPTURE_PARAM, type RawParam, SEEK_TOKEN_PARAM } from "./split-raw-query";

export function buildApplyRedirect(applyUrl: string, params: RawParam[], captureId: string | undefined): string {
  const target = new URL(applyUrl);
  if (target.protocol !== "https:" && target.protocol !== "http:") throw new Error("applyUrl must be http(s)");
  const carried = params
    .filter((p) => p.name !== SEEK_TOKEN_PARAM && p.name !== CAPTURE_PARAM && p.name !== ORG_PARAM)
    .map((p) => p.raw);
  if (captureId) carried.push(`${CAPTURE_PARAM}=${encodeURIComponent(captureId)}`);
  const existing = target.search.startsWith("?") ? target.search.slice(1) : target.search;
  const query = [existing, ...carried].filter((part) => part !== "").join("&");
  // Assemble from the parsed origin and path so nothing from the request can change scheme or host.
  return `${target.origin}${target.pathname}${query ? `?${query}` : ""}${target.hash}`;
}
