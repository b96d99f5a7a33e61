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
 * route code runs. Nothing a client sends may be a 500, so such paths are answered here: a candidate's
 * apply link ends on the capture route's own "Job not found" page (docs/decisions/0123), an API call gets
 * the contract's 400 naming the path (docs/decisions/0126), anything else a plain 400.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @returns {boolean} whether the request was answered
 */
export function answerUndecodablePath(request, response) {
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  if (path.split("/").every(decodes)) return false;
  if (path.startsWith("/apply/")) {
    response
      .writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" })
      .end(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Job not found</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#0f172a}h1{font-size:1.25rem}</style></head><body><h1>Job not found</h1><p>This job is no longer available, or the link is incomplete.</p></body></html>',
      );
  } else if (path.startsWith("/api/")) {
    const message = "The request path is not valid: path is not valid UTF-8 once percent-decoded.";
    const issues = [{ path: "path", message: "is not valid UTF-8 percent-encoding", code: "invalid_encoding" }];
    response
      .writeHead(400, { "Content-Type": "application/json", "Cache-Control": "no-store" })
      .end(JSON.stringify({ error: { code: "VALIDATION_FAILED", message, issues } }));
  } else {
    response
      .writeHead(400, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" })
      .end("Bad request: the address is not valid UTF-8 once percent-decoded.");
  }
  return true;
}

/** @param {string} segment */
function decodes(segment) {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
