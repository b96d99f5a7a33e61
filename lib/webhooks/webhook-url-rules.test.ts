import { describe, expect, it } from "vitest";
import { checkUrlShape, checkWebhookUrl, isInternalAddress, type Resolver } from "./webhook-url-rules";

const publicDns: Resolver = async () => [{ address: "93.184.216.34", family: 4 }];
const rules = {
  allowPrivateNetworks: false,
  selfOrigins: ["https://signalhouse.example.com", "http://localhost:3000"],
};

describe("webhook URL rules", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "::ffff:169.254.169.254",
  ])("%s is internal", (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])("%s is on the internet", (address) => {
    expect(isInternalAddress(address)).toBe(false);
  });

  it("only http and https, without credentials", () => {
    expect(checkUrlShape("ftp://ats.example.com/x", []).ok).toBe(false);
    expect(checkUrlShape("file:///etc/passwd", []).ok).toBe(false);
    expect(checkUrlShape("https://u:p@ats.example.com/x", []).ok).toBe(false);
    expect(checkUrlShape("not a url", []).ok).toBe(false);
    expect(checkUrlShape("https://ats.example.com/hooks", []).ok).toBe(true);
  });

  it("refuses the app itself, with a message that says so", () => {
    const verdict = checkUrlShape("https://signalhouse.example.com/api/v1/positions/x", rules.selfOrigins);
    expect(verdict).toEqual({ ok: false, message: expect.stringContaining("Signalhouse itself") });
  });

  it("judges the resolved addresses, not the name: one internal answer is enough to refuse", async () => {
    const rebinding: Resolver = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.5", family: 4 },
    ];
    const verdict = await checkWebhookUrl("https://innocent.example.com/h", { ...rules, resolve: rebinding });
    expect(verdict).toEqual({ ok: false, message: expect.stringContaining("10.0.0.5") });
    const ok = await checkWebhookUrl("https://ats.example.com/h", { ...rules, resolve: publicDns });
    expect(ok).toMatchObject({ ok: true, address: { address: "93.184.216.34", family: 4 } });
  });

  it("literal internal addresses are refused without DNS; allowed when private networks are allowed", async () => {
    expect((await checkWebhookUrl("http://127.0.0.1:9000/h", rules)).ok).toBe(false);
    expect((await checkWebhookUrl("http://[::1]:9000/h", rules)).ok).toBe(false);
    expect((await checkWebhookUrl("http://127.0.0.1:9000/h", { ...rules, allowPrivateNetworks: true })).ok).toBe(true);
  });

  it("a name that does not resolve is refused", async () => {
    const failing: Resolver = async () => {
      throw new Error("ENOTFOUND");
    };
    expect(await checkWebhookUrl("https://nowhere.invalid/h", { ...rules, resolve: failing })).toEqual({
      ok: false,
      message: expect.stringContaining("does not resolve"),
    });
  });
});
