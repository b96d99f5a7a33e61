// The operational webhook events (contract "Operational webhooks") and the body each one carries. Pure:
// the engine's transaction (enqueue-webhook-events.ts) and the channel (webhook-channel.ts) share it.
import { z } from "zod";
import { deliveryErrorOf } from "../format/error-hints";

export const WEBHOOK_EVENTS = [
  "delivery.failed",
  "delivery.dead",
  "delivery.expired",
  "deadline.missed",
  "channel.degraded",
  "channel.recovered",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Events about one organization's delivery; the channel events are the partner's only. */
export const DELIVERY_EVENTS: readonly WebhookEventType[] = [
  "delivery.failed",
  "delivery.dead",
  "delivery.expired",
  "deadline.missed",
];
export const CHANNEL_EVENTS: readonly WebhookEventType[] = ["channel.degraded", "channel.recovered"];

/** The stored name of the fourth outbox channel, and the destination of one subscription's rows. */
export const WEBHOOK_CHANNEL = "webhook";
export function webhookDestination(subscriptionId: string): string {
  return `webhook:${subscriptionId}`;
}

export type DeliveryEventData = {
  deliveryId: string;
  channel: string;
  kind: string;
  /** the organization's slug, as the ATS knows it */
  organization: string;
  applicationId: string | null;
  positionId: string | null;
  candidateId: string | null;
  error: { code: string; message: string; hint: string } | null;
};

export type ChannelEventData = { channel: string; destination: string; reason: string };

export type WebhookBody = {
  type: WebhookEventType;
  timestamp: string;
  data: DeliveryEventData | ChannelEventData;
};

/** The terminal state a delivery reached → the event that reports it (none for delivered/pending). */
const EVENT_BY_STATE: Readonly<Record<string, WebhookEventType>> = {
  failed: "delivery.failed",
  dead: "delivery.dead",
  expired: "delivery.expired",
};

/** The delivery states an event reports: what the webhooks ask the engine to tell them about. */
export const REPORTED_STATES: readonly string[] = Object.keys(EVENT_BY_STATE);

export function eventForState(state: string): WebhookEventType | null {
  return Object.hasOwn(EVENT_BY_STATE, state) ? EVENT_BY_STATE[state]! : null;
}

export type DeliveryFacts = {
  id: string;
  channel: string;
  kind: string;
  organizationSlug: string;
  applicationId: string | null;
  positionId: string | null;
  candidateId: string | null;
  lastErrorCode: string | null;
  lastError: string | null;
};

export function buildDeliveryEvent(type: WebhookEventType, delivery: DeliveryFacts, now: Date): WebhookBody {
  const code = delivery.lastErrorCode;
  const message = delivery.lastError;
  return {
    type,
    timestamp: now.toISOString(),
    data: {
      deliveryId: delivery.id,
      channel: delivery.channel,
      kind: delivery.kind,
      organization: delivery.organizationSlug,
      applicationId: delivery.applicationId,
      positionId: delivery.positionId,
      candidateId: delivery.candidateId,
      // the same redacted message and plain-words hint the API and the UIs show (lib/format/error-hints)
      error: code || message ? deliveryErrorOf(code, message) : null,
    },
  };
}

/** What a webhook row's payload holds: which subscription, and the exact body to sign and send. */
export const ZWebhookPayload = z.object({
  subscriptionId: z.string().min(1),
  body: z.object({ type: z.enum(WEBHOOK_EVENTS), timestamp: z.string(), data: z.record(z.string(), z.unknown()) }),
});
export type TWebhookPayload = z.infer<typeof ZWebhookPayload>;

export type Subscriber = { id: string; organizationId: string | null; events: string[] };

/**
 * Which subscriptions receive an event. An organization's subscription gets its own organization's
 * delivery events; a partner subscription (organizationId null) gets every organization's delivery
 * events and the channel events. Nobody else's: organization A never hears about organization B.
 */
export function subscribersFor(
  type: WebhookEventType,
  organizationId: string | null,
  subscriptions: readonly Subscriber[],
): Subscriber[] {
  return subscriptions.filter((s) => {
    if (!s.events.includes(type)) return false;
    if (s.organizationId === null) return true;
    return organizationId !== null && s.organizationId === organizationId && DELIVERY_EVENTS.includes(type);
  });
}
