import { describe, expect, it } from "vitest";
import { maskSecret, redactForDisplay, redactJsonForDisplay, secretValuesIn } from "./redact-for-display";

const SEEK_TOKEN = "eyJqb2JJZCI6MCwiY2FuZGlkYXRlSWQiOjB9+abc/def==";
const PLAYGROUND_TOKEN = "globalPublicTest-WfRFAhG25YC8ADe3QvxAVz";

describe("maskSecret", () => {
  it("shows a token as a short prefix and an ellipsis, never more than a quarter of it", () => {
    expect(maskSecret(SEEK_TOKEN)).toBe("eyJqb2JJ…");
    expect(maskSecret("abcdefghijkl")).toBe("abc…");
    expect(maskSecret("abc")).toBe("…");
  });
});

describe("redactJsonForDisplay", () => {
  it("shows the payload's token field as a prefix + '…', never in full", () => {
    const payload = {
      typeCode: "ApplicationStatusUpdate",
      token: PLAYGROUND_TOKEN,
      positionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
      current: { status: { label: "New", index: 1, total: 2 } },
    };
    const shown = redactJsonForDisplay(payload) as typeof payload;
    expect(shown.token).toBe("globalPu…");
    expect(shown.positionProfileIds).toEqual(payload.positionProfileIds);
    expect(shown.current).toEqual(payload.current);
    expect(JSON.stringify(shown)).not.toContain(PLAYGROUND_TOKEN);
  });

  it("masks secrets at any depth and under any token-like key (seekToken, access_token, client_secret)", () => {
    const shown = JSON.stringify(
      redactJsonForDisplay({
        a: [{ seekToken: SEEK_TOKEN }],
        auth: { access_token: "at-0123456789abcdef", client_secret: "cs-0123456789abcdef" },
        headers: { Authorization: ["Bearer abcdefghijklmnop"] },
      }),
    );
    expect(shown).not.toMatch(/0123456789abcdef|abcdefghijklmnop|WiY2FuZGlk/);
  });

  it("collects the payload's own secret values to hunt for in bodies", () => {
    expect(secretValuesIn({ token: "t1", nested: { seekToken: "t2" }, label: "not a secret" }).sort()).toEqual([
      "t1",
      "t2",
    ]);
  });
});

describe("redactForDisplay", () => {
  it("masks a known token wherever it appears, raw, URL-encoded or JSON-escaped", () => {
    const text = `sent ${SEEK_TOKEN} via /apply?x=${encodeURIComponent(SEEK_TOKEN)} and "${JSON.stringify(SEEK_TOKEN)}"`;
    const out = redactForDisplay(text, [SEEK_TOKEN]);
    expect(out).not.toContain(SEEK_TOKEN);
    expect(out).not.toContain(encodeURIComponent(SEEK_TOKEN));
    expect(out).not.toContain("WiY2FuZGlk");
  });

  it("masks values under token-like keys in JSON and in graphql-js echoes with unquoted keys", () => {
    const body = JSON.stringify({ variables: { input: { token: PLAYGROUND_TOKEN, typeCode: "ApplicationComplete" } } });
    expect(redactForDisplay(body)).toBe(
      JSON.stringify({ variables: { input: { token: "globalPu…", typeCode: "ApplicationComplete" } } }),
    );
    expect(redactForDisplay(`Variable "$input" got invalid value { token: "${PLAYGROUND_TOKEN}" }`)).not.toContain(
      PLAYGROUND_TOKEN,
    );
  });

  it("masks Bearer and Basic credentials and secret query parameters", () => {
    const out = redactForDisplay(
      "Authorization: Bearer sk_live_0123456789abcdef\nproxy: Basic dXNlcjpwYXNzd29yZA==\nGET /apply?seek-token=abc123def456ghi789&utm=seek\ngrant_type=client_credentials&client_secret=s3cr3tvalue99",
    );
    expect(out).not.toMatch(/0123456789abcdef|dXNlcjpwYXNzd29yZA|abc123def456ghi789|s3cr3tvalue99/);
    expect(out).toContain("utm=seek");
    expect(out).toContain("grant_type=client_credentials");
  });

  it("masks a base64-JSON seek-token even when nothing says it is one", () => {
    const out = redactForDisplay(`The token ${SEEK_TOKEN} is not valid`);
    expect(out).toBe("The token eyJqb2JJ… is not valid");
  });

  it("leaves values the channels already redacted as they are, and ordinary text alone", () => {
    const stored = '{"token":"eyJq…[redacted]","authorization":"Bearer abcd…[redacted]"}';
    expect(redactForDisplay(stored)).toBe(stored);
    const ordinary = '{"errors":[{"message":"/input/token: Is not valid","extensions":{"code":"BAD_USER_INPUT"}}]}';
    expect(redactForDisplay(ordinary)).toBe(ordinary);
    expect(redactForDisplay(null)).toBeNull();
  });
});
