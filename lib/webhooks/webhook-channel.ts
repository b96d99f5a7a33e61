// The fourth outbox channel: operational events to the ATS's webhook receivers. Each subscription is its
// own destination ("webhook:<subscriptionId>"), so it has its own circuit, and at most one batch of it is
// in flight: a receiver that is down holds one worker slot for one short request, never the boards'.
// The row id is the `webhook-id`, the same on every retry.
import { randomUUID } from "node:crypto";
import { decryptSecret } from "../crypto/secret-box";
import type { Db } from "../db/client";
import type {
  Channel,
  ChannelRequestLog,
  ChannelSendResult,
  ClaimedDelivery,
  DeliveryOutcome,
  SendContext,
} from "../delivery/channel";
import { pinnedPost } from "./pinned-post";
import { WEBHOOK_CHANNEL, ZWebhookPayload } from "./webhook-events";
import { signWebhook } from "./webhook-secret";
import { webhookEncryptionKey, webhookUrlRuleOptions } from "./webhook-settings";
import { checkWebhookUrl, type Resolver, type UrlRuleOptions } from "./webhook-url-rules";

export const WEBHOOK_MAX_BATCH = 10;

export type WebhookChannelOptions = {
  db: Db;
  rules?: () => UrlRuleOptions;
  encryptionKey?: () => string;
  resolve?: Resolver;
  /** per request (default 5 s): short, so a hanging receiver costs little */
  requestTimeoutMs?: number;
  maxSendMs?: number;
};

export function createWebhookChannel(options: WebhookChannelOptions): Channel {
  const requestTimeoutMs = options.requestTimeoutMs ?? 5_000;
  const maxSendMs = options.maxSendMs ?? WEBHOOK_MAX_BATCH * requestTimeoutMs + 5_000;
  const rules = options.rules ?? webhookUrlRuleOptions;
  const encryptionKey = options.encryptionKey ?? webhookEncryptionKey;

  async function send(batch: ClaimedDelivery[], context: SendContext): Promise<ChannelSendResult> {
    const outcomes = new Map<string, DeliveryOutcome>();
    const requests: ChannelRequestLog[] = [];
    const settleAll = (rows: ClaimedDelivery[], outcome: DeliveryOutcome) => {
      for (const row of rows) if (!outcomes.has(row.id)) outcomes.set(row.id, outcome);
    };
    const parsed = batch.map((row) => ({ row, payload: ZWebhookPayload.safeParse(row.payload) }));
    for (const p of parsed) {
      if (!p.payload.success) {
        outcomes.set(p.row.id, {
          kind: "failed",
          code: "WEBHOOK_BAD_PAYLOAD",
          message: "The outbox row is not a webhook event.",
        });
      }
    }
    const sendable = parsed.flatMap((p) => (p.payload.success ? [{ row: p.row, payload: p.payload.data }] : []));
    const subscriptionId = sendable[0]?.payload.subscriptionId;
    if (!subscriptionId) return { outcomes, requests };
    // the one reader of the sealed secret (left out of every default query: lib/db/client.ts)
    const subscription = await options.db.webhookSubscription.findUnique({
      where: { id: subscriptionId },
      omit: { secretEnc: false },
    });
    if (!subscription || subscription.disabled) {
      settleAll(batch, {
        kind: "failed",
        code: "WEBHOOK_DELETED",
        message: "The webhook was deleted or disabled; not sent.",
      });
      return { outcomes, requests };
    }
    // Checked again at send time: the name may resolve elsewhere now; the request connects to this answer.
    const verdict = await checkWebhookUrl(subscription.url, { ...rules(), resolve: options.resolve });
    if (!verdict.ok) {
      settleAll(batch, { kind: "failed", code: "WEBHOOK_URL_NOT_ALLOWED", message: verdict.message });
      return { outcomes, requests };
    }
    const secret = decryptSecret(subscription.secretEnc, encryptionKey());
    for (const { row, payload } of sendable) {
      if (context.signal.aborted) break;
      const body = JSON.stringify(payload.body);
      const headers = signWebhook(secret, row.id, context.now(), body);
      const started = Date.now();
      const result = await pinnedPost(verdict.url, verdict.address, headers, body, {
        timeoutMs: requestTimeoutMs,
        signal: context.signal,
      });
      requests.push({
        requestId: randomUUID(),
        deliveryIds: [row.id],
        httpStatus: result.status,
        durationMs: Date.now() - started,
        errorCodes:
          result.status !== null && result.status >= 200 && result.status < 300
            ? []
            : [`WEBHOOK_${result.status ?? "NETWORK"}`],
        requestBody: body,
        responseBody: result.status === null ? result.error : result.body,
      });
      if (result.status !== null && result.status >= 200 && result.status < 300) {
        outcomes.set(row.id, { kind: "delivered" });
        continue;
      }
      const message =
        result.status === null
          ? `The webhook receiver could not be reached: ${result.error}`
          : `The webhook receiver answered HTTP ${result.status}`;
      // Any non-2xx is retried until the row is dead (Standard Webhooks receivers ask for a retry that way);
      // the rest of the batch waits for the next attempt instead of hammering a receiver that is failing.
      settleAll(
        sendable.map((s) => s.row).filter((r) => r.id === row.id || !outcomes.has(r.id)),
        {
          kind: "retry",
          code: result.status === null ? "WEBHOOK_UNREACHABLE" : `WEBHOOK_HTTP_${result.status}`,
          message,
        },
      );
      break;
    }
    settleAll(batch, { kind: "retry", code: "WEBHOOK_NOT_SENT", message: "The send ended before this event." });
    return { outcomes, requests };
  }

  return {
    name: WEBHOOK_CHANNEL,
    maxBatch: WEBHOOK_MAX_BATCH,
    maxSendMs,
    limits: { maxInFlight: WEBHOOK_MAX_BATCH },
    send,
  };
}

export function webhookChannelFromEnv(db: Db): Channel {
  return createWebhookChannel({ db });
}
