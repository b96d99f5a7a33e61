// The reverse proxies whose X-Forwarded-For entries may be believed (SIGNALHOUSE_TRUSTED_PROXIES: a comma
// list of IP addresses and CIDR ranges, IPv4 or IPv6). Nothing else ever is: a header is only as honest as
// whoever wrote it, and only a proxy we run writes honestly (docs/decisions/0124-client-address.md).
import { BlockList, isIP } from "node:net";

export type TTrustedProxies = { readonly entries: readonly string[]; contains(address: string): boolean };

export const NO_TRUSTED_PROXIES: TTrustedProxies = { entries: [], contains: () => false };

/** "1.2.3.4", "[::1]:443", "1.2.3.4:80", "::ffff:1.2.3.4" → the bare address; anything else → null. */
export function normalizeAddress(text: string): string | null {
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) === 0 ? null : value;
}

/** The parsed list, or the first entry that is neither an address nor a CIDR range. */
export function parseTrustedProxies(text: string): { ok: true; value: TTrustedProxies } | { ok: false; entry: string } {
  const list = new BlockList();
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  for (const entry of entries) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address);
    if (family === 0 || extra !== undefined) return { ok: false, entry };
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
    if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) return { ok: false, entry };
    list.addSubnet(address, bits, type);
  }
  return {
    ok: true,
    value: {
      entries,
      contains: (address) => {
        const bare = normalizeAddress(address);
        return bare !== null && list.check(bare, isIP(bare) === 4 ? "ipv4" : "ipv6");
      },
    },
  };
}
