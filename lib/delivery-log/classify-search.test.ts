import { describe, expect, it } from "vitest";
import { classifySearch, describeSearch, prefixRange, searchTermForUrl } from "./classify-search";

describe("the search box", () => {
  it("tries a cuid as a delivery id, an application id and a token prefix", () => {
    const plan = classifySearch("cmi1x2y3z4a5b6c7d8e9f0g1h");
    expect(plan).toMatchObject({
      deliveryId: "cmi1x2y3z4a5b6c7d8e9f0g1h",
      applicationId: "cmi1x2y3z4a5b6c7d8e9f0g1h",
      tokenPrefix: { equals: "cmi1x2y3" },
    });
    expect(plan?.requestId).toBeUndefined();
  });

  it("tries a UUID (and the engine's engine-<uuid>) as an X-Request-Id", () => {
    expect(classifySearch("3f2a1b2c-1111-4222-8333-444455556666")?.requestId).toBe(
      "3f2a1b2c-1111-4222-8333-444455556666",
    );
    expect(classifySearch("engine-3f2a1b2c-1111-4222-8333-444455556666")?.requestId).toBeDefined();
    expect(classifySearch("APP-1001")?.requestId).toBeUndefined();
  });

  it("compares a term of 8+ characters with the stored 8-character token prefix, a shorter one as a start", () => {
    expect(classifySearch("eyJqb2JJZCI6IjEyMyJ9.abc")?.tokenPrefix).toEqual({ equals: "eyJqb2JJ" });
    expect(classifySearch("eyJq")?.tokenPrefix).toEqual({ startsWith: "eyJq" });
    // Too short to mean one token: every base64 JSON token starts "eyJ".
    expect(classifySearch("eyJ")?.tokenPrefix).toBeUndefined();
  });

  it("an ATS application id is tried as one; an empty term is no search", () => {
    expect(classifySearch(" APP-1001 ")).toMatchObject({ term: "APP-1001", applicationId: "APP-1001" });
    expect(classifySearch("   ")).toBeNull();
  });

  it("never puts a whole pasted token in the URL, only the prefix that is stored", () => {
    const token = `eyJ${"a".repeat(120)}`;
    expect(searchTermForUrl(token)).toBe("eyJaaaaa");
    expect(searchTermForUrl("APP-1001")).toBe("APP-1001");
    expect(searchTermForUrl("3f2a1b2c-1111-4222-8333-444455556666")).toBe("3f2a1b2c-1111-4222-8333-444455556666");
  });

  it("says what a term was tried as", () => {
    const plan = classifySearch("APP-1001");
    expect(plan && describeSearch(plan)).toBe('application id or seek-token prefix "APP-1001"');
  });
});

describe("prefixRange", () => {
  it("bounds exactly the strings that start with the prefix, in byte order", () => {
    expect(prefixRange("eyJq")).toEqual({ from: "eyJq", to: "eyJr" });
    expect(prefixRange("ab9")).toEqual({ from: "ab9", to: "ab:" });
    const { from, to } = prefixRange("eyJq");
    const inRange = (s: string) =>
      Buffer.compare(Buffer.from(s), Buffer.from(from)) >= 0 && Buffer.compare(Buffer.from(s), Buffer.from(to)) < 0;
    expect(["eyJq", "eyJqb2JJ", "eyJqzzzz"].every(inRange)).toBe(true);
    expect(["eyJp", "eyJr", "eyJ", "eyjqaaaa"].some(inRange)).toBe(false);
  });
});
