import { describe, expect, it } from "vitest";
import { maskSecret, redactJson, redactSecrets, secretValuesIn } from "./redact-secrets";

const SEEK_TOKEN = "eyJqb2JJZCI6MCwiY2FuZGlkYXRlSWQiOjB9+abc/def==";
const PLAYGROUND_TOKEN = "globalPublicTest-WfRFAhG25YC8ADe3QvxAVz";

describe("maskSecret", () => {
  it("shows a token as a short prefix and an ellipsis, never more than a quarter of it", () => {
    expect(maskSecret(SEEK_TOKEN)).toBe("eyJqb2JJ…");
    expect(maskSecret("abcdefghijkl")).toBe("abc…");
    expect(maskSecret("abc")).toBe("…");
  });
});

describe("redactJson", () => {
  it("shows the payload's token field as a prefix + '…', never in full", () => {
    const payload = {
      typeCode: "ApplicationStatusUpdate",
      token: PLAYGROUND_TOKEN,
      positionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
      current: { status: { label: "New", index: 1, total: 2 } },
    };
    const shown = redactJson(payload) as typeof payload;
    expect(shown.token).toBe("globalPu…");
    expect(shown.positionProfileIds).toEqual(payload.positionProfileIds);
    expect(shown.current).toEqual(payload.current);
    expect(JSON.stringify(shown)).not.toContain(PLAYGROUND_TOKEN);
  });

  it("masks secrets at any depth and under any token-like key (seekToken, access_token, client_secret)", () => {
    const shown = JSON.stringify(
      redactJson({
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

describe("redactSecrets", () => {
  it("masks a known token wherever it appears, raw, URL-encoded or JSON-escaped", () => {
    const text = `sent ${SEEK_TOKEN} via /apply?x=${encodeURIComponent(SEEK_TOKEN)} and "${JSON.stringify(SEEK_TOKEN)}"`;
    const out = redactSecrets(text, [SEEK_TOKEN]);
    expect(out).not.toContain(SEEK_TOKEN);
    expect(out).not.toContain(encodeURIComponent(SEEK_TOKEN));
    expect(out).not.toContain("WiY2FuZGlk");
  });

  it("masks values under token-like keys in JSON and in graphql-js echoes with unquoted keys", () => {
    const body = JSON.stringify({ variables: { input: { token: PLAYGROUND_TOKEN, typeCode: "ApplicationComplete" } } });
    expect(redactSecrets(body)).toBe(
      JSON.stringify({ variables: { input: { token: "globalPu…", typeCode: "ApplicationComplete" } } }),
    );
    expect(redactSecrets(`Variable "$input" got invalid value { token: "${PLAYGROUND_TOKEN}" }`)).not.toContain(
      PLAYGROUND_TOKEN,
    );
  });

  it("masks Bearer and Basic credentials and secret query parameters", () => {
    const out = redactSecrets(
      "Authorization: Bearer sk_live_0123456789abcdef\nproxy: Basic dXNlcjpwYXNzd29yZA==\nGET /apply?seek-token=abc123def456ghi789&utm=seek\ngrant_type=client_credentials&client_secret=s3cr3tvalue99",
    );
    expect(out).not.toMatch(/0123456789abcdef|dXNlcjpwYXNzd29yZA|abc123def456ghi789|s3cr3tvalue99/);
    expect(out).toContain("utm=seek");
    expect(out).toContain("grant_type=client_credentials");
  });

  it("masks a base64-JSON seek-token even when nothing says it is one", () => {
    const out = redactSecrets(`The token ${SEEK_TOKEN} is not valid`);
    expect(out).toBe("The token eyJqb2JJ… is not valid");
  });

  it("leaves values the channels already redacted as they are, and ordinary text alone", () => {
    const stored = '{"token":"eyJq…[redacted]","authorization":"Bearer abcd…[redacted]"}';
    expect(redactSecrets(stored)).toBe(stored);
    const ordinary = '{"errors":[{"message":"/input/token: Is not valid","extensions":{"code":"BAD_USER_INPUT"}}]}';
    expect(redactSecrets(ordinary)).toBe(ordinary);
    expect(redactSecrets(null)).toBeNull();
  });

  it("masks every token of a batch body in one pass, with regular-expression characters and one inside another", () => {
    const plusSlash = "eyJqb2JJZCI6MH0+x/y==.(a|b)*";
    const inner = "ZGFuZGlkYXRl";
    const outer = `xx${inner}yy-zz`;
    const text = `a ${plusSlash} b ${outer} c ${inner} d eyJqb2JJZCI6MH0+x/y==.(a|b)`;
    expect(redactSecrets(text, [inner, plusSlash, outer])).toBe(
      `a ${maskSecret(plusSlash)} b ${maskSecret(outer)} c ${maskSecret(inner)} d eyJqb2JJZCI6MH0+x/y==.(a|b)`,
    );
  });

  it("does not hunt for very short known secrets in free text (they would shred unrelated words)", () => {
    expect(redactSecrets("a batch of bad news", ["bad"])).toBe("a batch of bad news");
  });

  it("masks LinkedIn access tokens and client secrets by value and by shape, leaving notes alone", () => {
    const token = "AQXdSP_W41_UPs5ioT_t8HESyODB4FqbkJ8LrV_5mff4gPODzOYR";
    expect(redactSecrets(`echo ${token} and again ${token}`, [token])).toBe(
      `echo ${maskSecret(token)} and again ${maskSecret(token)}`,
    );
    const shaped = redactSecrets(
      'Authorization: Bearer abcdefghijklmnop {"access_token":"zyxwvutsrqponm","expires_in":1800} client_secret=s3cr3t-value-long&x=1',
    );
    expect(shaped).not.toMatch(/abcdefghijklmnop|zyxwvutsrqponm|s3cr3t-value-long/);
    expect(shaped).toContain('"expires_in":1800');
    const note = '{"entities":{"N1":{"note":"Great candidate, token of appreciation sent"}}}';
    expect(redactSecrets(note)).toBe(note);
  });
});
