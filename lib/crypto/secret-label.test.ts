import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";
import { describeSealedSecret, secretLabel } from "./secret-label";

const KEY = "k".repeat(40);

describe("secretLabel", () => {
  it("shows a stored secret only as 'set · <first two>…<last two>'", () => {
    expect(secretLabel("abcdefghijklmnopqrstuvwxyz")).toBe("set · ab…yz");
  });

  it("shows no characters of a short secret", () => {
    expect(secretLabel("short-secret".slice(0, 11))).toBe("set");
  });

  it("never contains more than four characters of the secret", () => {
    const secret = "S3cr3t-V4lue-That-Must-Not-Leak";
    const label = secretLabel(secret);
    expect(label).not.toContain(secret.slice(0, 5));
    expect(label).not.toContain(secret.slice(2, -2));
  });
});

describe("describeSealedSecret", () => {
  it("is 'unset' when nothing is stored", () => {
    expect(describeSealedSecret(null, () => "unused")).toEqual({ state: "unset" });
  });

  it("labels a value it can decrypt", () => {
    const sealed = encryptSecret("linkedin-client-secret-value", KEY);
    expect(describeSealedSecret(sealed, (s) => decryptSecret(s, KEY))).toEqual({ state: "set", label: "set · li…ue" });
  });

  it("says the secret is unreadable (not an error page) when the key changed", () => {
    const sealed = encryptSecret("linkedin-client-secret-value", KEY);
    const state = describeSealedSecret(sealed, (s) => decryptSecret(s, "another key that is long enough!!"));
    expect(state.state).toBe("unreadable");
  });
});
