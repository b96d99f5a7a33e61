import { describe, expect, it } from "vitest";
import { redactSecret, redactSecrets } from "./redact-secrets";

const seekToken = "eyJqb2JJZCI6MCwiY2FuZGlkYXRlSWQiOjAsInNlc3Npb25JZCI6IiJ9";

describe("redactSecrets", () => {
  it("cuts a seek-token to a four-character prefix", () => {
    expect(redactSecret(seekToken)).toBe("eyJq…[redacted]");
  });

  it("redacts the token of every signal in a logged request body, leaving the rest readable", () => {
    const body = JSON.stringify({
      query: "mutation SendSignals($input: SendSignalsInput!) { sendSignals(input: $input) }",
      variables: {
        input: { signals: [{ typeCode: "ApplicationComplete", token: seekToken, timestamp: "2020-01-01T00:00:00Z" }] },
      },
    });
    const redacted = redactSecrets(body, [seekToken]);
    expect(redacted).not.toContain(seekToken);
    expect(JSON.parse(redacted).variables.input.signals[0]).toEqual({
      typeCode: "ApplicationComplete",
      token: "eyJq…[redacted]",
      timestamp: "2020-01-01T00:00:00Z",
    });
  });

  it("redacts a known secret wherever it appears in free text, e.g. echoed in an error message", () => {
    const message = `Variable "$input" got invalid value { typeCode: "X", token: "${seekToken}" }; Field "current" is required.`;
    expect(redactSecrets(message, [seekToken])).toBe(
      'Variable "$input" got invalid value { typeCode: "X", token: "eyJq…[redacted]" }; Field "current" is required.',
    );
  });

  it("redacts many known secrets in one body, with regular-expression characters and one inside another", () => {
    const plusSlash = "eyJqb2JJZCI6MH0+x/y==.(a|b)*";
    const inner = "ZGFuZGlkYXRl";
    const outer = `xx${inner}yy-zz`;
    const text = `a ${plusSlash} b ${outer} c ${inner} d eyJqb2JJZCI6MH0+x/y==.(a|b)`;
    expect(redactSecrets(text, [inner, plusSlash, outer])).toBe(
      "a eyJq…[redacted] b xxZG…[redacted] c ZGFu…[redacted] d eyJqb2JJZCI6MH0+x/y==.(a|b)",
    );
  });

  it("redacts values under token keys even when the secret was not named", () => {
    expect(redactSecrets('{"access_token":"abcdefghijklmnop","token":"short"}')).toBe(
      '{"access_token":"abcd…[redacted]","token":"[redacted]"}',
    );
  });

  it("redacts Bearer credentials and Authorization values", () => {
    expect(redactSecrets("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.payload.sig")).toBe(
      "Authorization: Bearer eyJh…[redacted]",
    );
    expect(redactSecrets('{"Authorization":"Bearer eyJhbGciOiJSUzI1NiJ9.x.y"}')).toBe(
      '{"Authorization":"Bear…[redacted]"}',
    );
  });

  it("does not hunt for very short known secrets in free text (they would shred unrelated words)", () => {
    expect(redactSecrets("a batch of bad news", ["bad"])).toBe("a batch of bad news");
  });

  it("leaves text without secrets unchanged", () => {
    const text = '{"errors":[{"message":"/input/signals/3/token: Is not valid"}]}';
    expect(redactSecrets(text, [seekToken])).toBe(text);
  });
});
