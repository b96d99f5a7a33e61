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
