import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { PEER_ADDRESS_HEADER } from "../http/peer-address";
import { NO_TRUSTED_PROXIES, parseTrustedProxies } from "../http/trusted-proxies";
import { chooseClientAddress, clientAddress, NO_PEER_KEY } from "./client-address";

const trusted = (list: string) => {
  const parsed = parseTrustedProxies(list);
  if (!parsed.ok) throw new Error(parsed.entry);
  return parsed.value;
};

describe("the client address the capture limit keys on", () => {
  it("is the socket peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    for (const forwardedFor of [null, "203.0.113.9", "1.1.1.1, 2.2.2.2", "garbage"])
      expect(chooseClientAddress({ peer: "198.51.100.4", forwardedFor, trusted: NO_TRUSTED_PROXIES })).toBe(
        "198.51.100.4",
      );
  });

  it("is the socket peer when the peer is not a trusted proxy, even if other proxies are trusted", () => {
    expect(
      chooseClientAddress({ peer: "198.51.100.4", forwardedFor: "203.0.113.9", trusted: trusted("10.0.0.0/8") }),
    ).toBe("198.51.100.4");
  });

  it("behind trusted proxies, walks X-Forwarded-For from the right and takes the first untrusted hop", () => {
    const proxies = trusted("10.0.0.0/8, 192.168.1.10, fd00::/8");
    const choose = (forwardedFor: string | null, peer = "10.0.0.2") =>
      chooseClientAddress({ peer, forwardedFor, trusted: proxies });
    expect(choose("203.0.113.9")).toBe("203.0.113.9");
    // entries a client adds on the left are never reached
    expect(choose("6.6.6.6, 7.7.7.7, 203.0.113.9")).toBe("203.0.113.9");
    // trusted hops on the right are skipped
    expect(choose("6.6.6.6, 203.0.113.9, 192.168.1.10, 10.1.2.3")).toBe("203.0.113.9");
    expect(choose("2001:db8::1, fd12::7", "::ffff:10.0.0.2")).toBe("2001:db8::1");
    // ports and brackets that some proxies add
    expect(choose("[2001:db8::1]:4711")).toBe("2001:db8::1");
    expect(choose("203.0.113.9:51000")).toBe("203.0.113.9");
    // nothing forwarded, or only our own hops
    expect(choose(null)).toBe("10.0.0.2");
    expect(choose("10.9.9.9, 10.0.0.1")).toBe("10.9.9.9");
  });

  it("has no answer without a peer, and the route then uses one shared key, never a header", () => {
    expect(chooseClientAddress({ peer: null, forwardedFor: "203.0.113.9", trusted: NO_TRUSTED_PROXIES })).toBeNull();
    expect(chooseClientAddress({ peer: "", forwardedFor: "203.0.113.9", trusted: trusted("0.0.0.0/0") })).toBeNull();
    const forged = new Request("http://localhost/apply/X", { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(clientAddress(forged, NO_TRUSTED_PROXIES)).toBe(NO_PEER_KEY);
    const stamped = new Request("http://localhost/apply/X", {
      headers: { "x-forwarded-for": "203.0.113.9", [PEER_ADDRESS_HEADER]: "::ffff:127.0.0.1" },
    });
    expect(clientAddress(stamped, NO_TRUSTED_PROXIES)).toBe("127.0.0.1");
  });
});

describe("SIGNALHOUSE_TRUSTED_PROXIES", () => {
  it("accepts a comma list of IPv4 and IPv6 addresses and CIDR ranges; unset trusts no one", () => {
    const proxies = parseEnv({
      SIGNALHOUSE_TRUSTED_PROXIES: " 10.0.0.0/8 ,192.168.1.10, fd00::/8,::1",
    }).SIGNALHOUSE_TRUSTED_PROXIES;
    expect(proxies.entries).toEqual(["10.0.0.0/8", "192.168.1.10", "fd00::/8", "::1"]);
    expect(["10.200.0.1", "192.168.1.10", "fd00::5", "::1", "::ffff:10.0.0.1"].map(proxies.contains)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["11.0.0.1", "192.168.1.11", "fe80::1", "not an ip"].map(proxies.contains)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(parseEnv({}).SIGNALHOUSE_TRUSTED_PROXIES.contains("127.0.0.1")).toBe(false);
  });

  it("names the variable and the entry that is neither an address nor a range", () => {
    for (const bad of ["10.0.0.0/33", "proxy.internal", "10.0.0.1/8/9", "fd00::/129", "10.0.0.0/-1"])
      expect(() => parseEnv({ SIGNALHOUSE_TRUSTED_PROXIES: `127.0.0.1, ${bad}` })).toThrow(
        new RegExp(`SIGNALHOUSE_TRUSTED_PROXIES: "${bad.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}" is neither`),
      );
  });
});

describe("SIGNALHOUSE_PUBLIC_URL", () => {
  it("is an http(s) origin, kept without a trailing slash", () => {
    expect(parseEnv({ SIGNALHOUSE_PUBLIC_URL: "https://sh.example.com/" }).SIGNALHOUSE_PUBLIC_URL).toBe(
      "https://sh.example.com",
    );
    expect(parseEnv({ SIGNALHOUSE_PUBLIC_URL: "" }).SIGNALHOUSE_PUBLIC_URL).toBeUndefined();
    for (const bad of ["ftp://sh.example.com", "sh.example.com", "https://sh.example.com/base", "https://u:p@x.com"])
      expect(() => parseEnv({ SIGNALHOUSE_PUBLIC_URL: bad })).toThrow(/SIGNALHOUSE_PUBLIC_URL: must be/);
  });
});
