import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhook } from "./webhook-secret";

describe("webhook signing (Standard Webhooks)", () => {
  const now = new Date();
  const body = JSON.stringify({ type: "delivery.failed", timestamp: now.toISOString(), data: { deliveryId: "d1" } });

  it("the reference library's verifier accepts what we sign", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const headers = signWebhook(secret, "d1", now, body);
    expect(headers["webhook-id"]).toBe("d1");
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("a changed body, id or secret does not verify", () => {
    const secret = newWebhookSecret();
    const headers = signWebhook(secret, "d1", now, body);
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "d2" })).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it("matches the specification's algorithm: HMAC-SHA256 of id.timestamp.body under the base64-decoded secret", async () => {
    const { createHmac } = await import("node:crypto");
    const secret = newWebhookSecret();
    const headers = signWebhook(secret, "d1", now, body);
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const expected = createHmac("sha256", key).update(`d1.${headers["webhook-timestamp"]}.${body}`).digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${expected}`);
  });
});
