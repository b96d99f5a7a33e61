// Where a webhook may point (decision 0148). Only http(s); never a loopback, private, link-local or
// otherwise internal address after DNS resolution, unless SIGNALHOUSE_WEBHOOK_ALLOW_PRIVATE_NETWORKS; never
// the app itself. The same check runs when the ATS registers a URL and again before every send, and the
// send connects to the address this check resolved (pinned), so a DNS answer that changes in between
// (rebinding) cannot steer a request at an internal service.
import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const INTERNAL = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  INTERNAL.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  INTERNAL.addSubnet(net, prefix, "ipv6");
}

/** Loopback, private, link-local, carrier-grade NAT, multicast, reserved: anything not on the internet. */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return isInternalAddress(mapped[1]);
  const family = isIP(address);
  if (family === 4) return INTERNAL.check(address, "ipv4");
  if (family === 6) return INTERNAL.check(address, "ipv6");
  return true;
}

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const all = await dnsLookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export type UrlRuleOptions = {
  allowPrivateNetworks: boolean;
  /** origins this app answers at (public URL, NEXTAUTH_URL, localhost:PORT): a webhook may not call the app */
  selfOrigins: readonly string[];
  resolve?: Resolver;
};

export type UrlVerdict = { ok: true; url: URL; address: ResolvedAddress } | { ok: false; message: string };

/** The syntactic half (no DNS): http(s), no credentials, not the app itself. */
export function checkUrlShape(
  raw: string,
  selfOrigins: readonly string[],
): { ok: true; url: URL } | { ok: false; message: string } {
  if (!URL.canParse(raw)) return { ok: false, message: "url must be an absolute http or https URL" };
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, message: `url must use http or https, not ${url.protocol.replace(":", "")}` };
  }
  if (url.username || url.password) return { ok: false, message: "url must not carry credentials" };
  const self = selfOrigins.flatMap((o) => (URL.canParse(o) ? [new URL(o).origin] : []));
  if (self.includes(url.origin)) {
    return { ok: false, message: `url points at Signalhouse itself (${url.origin}); give the ATS's receiver instead` };
  }
  return { ok: true, url };
}

/**
 * Resolves the URL's host once and judges every address it resolves to (one internal address is
 * enough to refuse: the client would pick any of them). Returns the address to connect to.
 */
export async function checkWebhookUrl(raw: string, options: UrlRuleOptions): Promise<UrlVerdict> {
  const shape = checkUrlShape(raw, options.selfOrigins);
  if (!shape.ok) return shape;
  const { url } = shape;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: ResolvedAddress[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch {
      return { ok: false, message: `url's host ${host} does not resolve` };
    }
  }
  const first = addresses[0];
  if (!first) return { ok: false, message: `url's host ${host} does not resolve` };
  if (!options.allowPrivateNetworks) {
    const internal = addresses.find((a) => isInternalAddress(a.address));
    if (internal) {
      return {
        ok: false,
        message: `url's host ${host} resolves to ${internal.address}, a loopback, private or link-local address; webhooks must reach the internet`,
      };
    }
  }
  return { ok: true, url, address: first };
}
