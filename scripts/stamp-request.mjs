// What scripts/serve.mjs writes into every incoming request before Next sees it. Each header is
// overwritten, never appended to, so whatever a client sent under these names is gone:
// - the untouched request target (Next re-encodes query strings; the seek-token must stay byte for
//   byte: docs/decisions/0005);
// - the TCP peer's address: a route handler cannot see the socket, and X-Forwarded-For is whatever the
//   client wrote unless a trusted proxy wrote it (docs/decisions/0124).
// Plain JavaScript because the server runs under plain node; the names match lib/captures/*.
export const RAW_URL_HEADER = "x-signalhouse-raw-url";
export const PEER_ADDRESS_HEADER = "x-signalhouse-peer-address";

/** @param {import("node:http").IncomingMessage} request */
export function stampRequest(request) {
  request.headers[RAW_URL_HEADER] = request.url ?? "/";
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  // Next may read rawHeaders as well: drop forged copies there too.
  const raw = request.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) {
    const name = raw[i]?.toLowerCase();
    if (name === RAW_URL_HEADER || name === PEER_ADDRESS_HEADER) raw.splice(i, 2);
  }
  raw.push(RAW_URL_HEADER, request.headers[RAW_URL_HEADER], PEER_ADDRESS_HEADER, request.headers[PEER_ADDRESS_HEADER]);
}

/**
 * Next answers a bare 500 for a dynamic route whose path is not valid percent-encoded UTF-8, before any
 * route code runs. A candidate's apply link must end on a friendly page instead (docs/decisions/0123),
 * so such /apply/ paths are answered here with the capture route's own "Job not found" page.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @returns {boolean} whether the request was answered
 */
export function answerUndecodableApplyPath(request, response) {
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  if (!path.startsWith("/apply/")) return false;
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    response
      .writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" })
      .end(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Job not found</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#0f172a}h1{font-size:1.25rem}</style></head><body><h1>Job not found</h1><p>This job is no longer available, or the link is incomplete.</p></body></html>',
      );
    return true;
  }
}
