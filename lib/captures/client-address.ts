// The client address the public capture route rate-limits by. It starts from the TCP peer, which
// scripts/serve.mjs stamps into PEER_ADDRESS_HEADER after deleting whatever the client sent under that
// name. X-Forwarded-For is read only when the peer is a configured trusted proxy, and then walked from
// the right, skipping trusted hops: the first untrusted hop is the client. Entries to the left of it
// are whatever the client claimed and are never used (docs/decisions/0124-client-address.md).

import { PEER_ADDRESS_HEADER } from "../http/peer-address";
import type { TTrustedProxies } from "../http/trusted-proxies";
import { normalizeAddress } from "../http/trusted-proxies";

/** Where no server stamped the peer (e.g. plain `next start`): one shared bucket, never a header's word. */
export const NO_PEER_KEY = "no-peer-address";

export function chooseClientAddress(input: {
  peer: string | null;
  forwardedFor: string | null;
  trusted: TTrustedProxies;
}): string | null {
  const peer = input.peer === null ? null : (normalizeAddress(input.peer) ?? input.peer.trim());
  if (!peer) return null;
  if (!input.trusted.contains(peer)) return peer;
  const hops = (input.forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    // An entry a trusted proxy wrote but that is no address still tells clients apart; use it as it is.
    if (!input.trusted.contains(hop)) return normalizeAddress(hop) ?? hop;
  }
  // Every hop is one of ours: the leftmost is as far as anyone can tell.
  return hops.length > 0 ? (normalizeAddress(hops[0]!) ?? hops[0]!) : peer;
}

export function clientAddress(request: Request, trusted: TTrustedProxies): string {
  return (
    chooseClientAddress({
      peer: request.headers.get(PEER_ADDRESS_HEADER),
      forwardedFor: request.headers.get("x-forwarded-for"),
      trusted,
    }) ?? NO_PEER_KEY
  );
}
