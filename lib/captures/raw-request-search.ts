// The query string exactly as the client sent it. Next re-encodes request.url before a route sees it, so
// scripts/serve.mjs passes the untouched request target in a header; without that server (e.g. plain
// `next start`), request.url is the best there is.
export const RAW_URL_HEADER = "x-signalhouse-raw-url";

export function rawRequestSearch(request: Request): string {
  const raw = request.headers.get(RAW_URL_HEADER);
  if (raw !== null) {
    const q = raw.indexOf("?");
    return q === -1 ? "" : raw.slice(q).split("#")[0]!;
  }
  return new URL(request.url).search;
}
