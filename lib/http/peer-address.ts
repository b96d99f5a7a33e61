// The header scripts/serve.mjs (stamp-request.mjs) writes the TCP peer's address into, after deleting
// whatever a client sent under that name: route handlers cannot see the socket (docs/decisions/0124).
export const PEER_ADDRESS_HEADER = "x-signalhouse-peer-address";
