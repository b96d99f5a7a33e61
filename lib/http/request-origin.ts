// The origin a request was addressed to: its Host, or what a trusted proxy says the client used.
import { normalizeAddress, type TTrustedProxies } from "./trusted-proxies";

const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

export function requestOrigin(input: {
  peer: string | null;
  host: string | null;
  forwardedHost: string | null;
  forwardedProto: string | null;
  trusted: TTrustedProxies;
  fallbackHost: string;
}): string {
  const peer = input.peer ? (normalizeAddress(input.peer) ?? input.peer) : null;
  const viaProxy = peer !== null && input.trusted.contains(peer);
  const forwardedHost = viaProxy ? input.forwardedHost?.split(",")[0]?.trim() : undefined;
  const candidate = forwardedHost || input.host?.trim() || "";
  const host = HOST.test(candidate) ? candidate : input.fallbackHost;
  const proto = viaProxy && input.forwardedProto?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
