import { describe, expect, it } from "vitest";
import { displayWebhookUrl } from "./display-webhook-url";

describe("displayWebhookUrl", () => {
  it("shows scheme, host and path as they are", () => {
    expect(displayWebhookUrl("https://ats.example.com:8443/hooks/signalhouse")).toBe(
      "https://ats.example.com:8443/hooks/signalhouse",
    );
  });

  it("hides the query, which may carry a secret, and the fragment", () => {
    const shown = displayWebhookUrl("https://ats.example.com/hook?token=abc123&x=1#frag");
    expect(shown).toBe("https://ats.example.com/hook?…");
    expect(shown).not.toContain("abc123");
  });

  it("says so for a value that is not a URL", () => {
    expect(displayWebhookUrl("not a url")).toBe("(not a valid URL)");
  });
});
