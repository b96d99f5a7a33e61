import { describe, expect, it } from "vitest";
import { redactLinkedinSecrets } from "./redact-linkedin-secrets";

describe("redactLinkedinSecrets", () => {
  it("cuts known tokens and secrets wherever they appear, keeping a recognisable prefix", () => {
    const token = "AQXdSP_W41_UPs5ioT_t8HESyODB4FqbkJ8LrV_5mff4gPODzOYR";
    expect(redactLinkedinSecrets(`echo ${token} and again ${token}`, [token])).toBe(
      "echo AQXd…[redacted] and again AQXd…[redacted]",
    );
  });

  it("cuts unknown values by shape: Bearer credentials, access_token and client_secret fields or parameters", () => {
    const text =
      'Authorization: Bearer abcdefghijklmnop {"access_token":"zyxwvutsrqponm","expires_in":1800} client_secret=s3cr3t-value-long&x=1';
    const out = redactLinkedinSecrets(text);
    expect(out).not.toMatch(/abcdefghijklmnop|zyxwvutsrqponm|s3cr3t-value-long/);
    expect(out).toContain('"expires_in":1800');
  });

  it("leaves notes and error messages alone", () => {
    const text = '{"entities":{"N1":{"note":"Great candidate, token of appreciation sent"}}}';
    expect(redactLinkedinSecrets(text)).toBe(text);
  });
});
