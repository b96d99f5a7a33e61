// A subscription's signing secret, in the Standard Webhooks form: "whsec_" + base64 of 32 random bytes.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export type SignedHeaders = { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };

/**
 * The three Standard Webhooks headers for one send. The id is the outbox row's id, so every retry of
 * the same event carries the same `webhook-id` (receivers deduplicate on it); the timestamp is the
 * attempt's, as the specification asks, and is part of what is signed.
 */
export function signWebhook(secret: string, id: string, sentAt: Date, body: string): SignedHeaders {
  const seconds = Math.floor(sentAt.getTime() / 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(seconds),
    "webhook-signature": new Webhook(secret).sign(id, new Date(seconds * 1000), body),
  };
}
