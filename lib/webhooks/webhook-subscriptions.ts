// PUT/GET/DELETE /api/v1/webhooks: an ATS's operational webhook subscriptions. The owner is the API key's
// organization, or null for a partner key (every organization's events plus the channel events).
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { encryptSecret } from "../crypto/secret-box";
import type { Db } from "../db/client";
import type { DbTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import { WEBHOOK_EVENTS, type WebhookEventType } from "./webhook-events";
import { newWebhookSecret } from "./webhook-secret";
import { checkWebhookUrl, type UrlRuleOptions } from "./webhook-url-rules";

export const ZWebhookParams = z.object({
  webhookId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9._~-]+$/, "webhookId may contain letters, digits and . _ ~ - only"),
});

export const ZWebhookInput = z
  .object({
    url: z.string().min(1).max(2000),
    events: z
      .array(z.enum(WEBHOOK_EVENTS, { error: `each event must be one of ${WEBHOOK_EVENTS.join(", ")}` }))
      .min(1, "events must name at least one event")
      .max(WEBHOOK_EVENTS.length),
  })
  .strict();
export type TWebhookInput = z.infer<typeof ZWebhookInput>;

export type WebhookView = { id: string; url: string; events: WebhookEventType[]; createdAt: string; updatedAt: string };

/** The answers, as zod schemas for the OpenAPI document. */
const ZWebhookView = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const ZWebhookWithSecret = ZWebhookView.extend({
  secret: z
    .string()
    .optional()
    .meta({ description: "whsec_…: in the answer that created the webhook only (not in a replay, not on update)" }),
});
export const ZWebhookList = z.object({ webhooks: z.array(ZWebhookView) });
export const ZDeletedWebhook = z.object({ id: z.string(), deleted: z.literal(true) });
export type PutWebhookResult = { created: boolean; webhook: WebhookView & { secret?: string } };

type Row = { webhookId: string; url: string; events: string[]; createdAt: Date; updatedAt: Date };

function view(row: Row): WebhookView {
  return {
    id: row.webhookId,
    url: row.url,
    events: row.events as WebhookEventType[],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Refuses a URL the rules do not allow with 422 WEBHOOK_URL_NOT_ALLOWED naming body.url. */
export async function assertWebhookUrlAllowed(url: string, rules: UrlRuleOptions): Promise<void> {
  const verdict = await checkWebhookUrl(url, rules);
  if (!verdict.ok) {
    throw new AppError("WEBHOOK_URL_NOT_ALLOWED", `body.url is not allowed: ${verdict.message}`, [
      { path: "body.url", message: verdict.message, code: "webhook_url_not_allowed" },
    ]);
  }
}

// Its own class of two-key advisory locks (lib/api/idempotency.ts uses 0x1de7).
const WEBHOOK_LOCK_CLASS = 0x3eb0;

/** Creates (secret generated, returned this once) or updates (secret kept) one subscription. */
export async function putWebhook(
  tx: DbTx,
  input: {
    organizationId: string | null;
    webhookId: string;
    body: TWebhookInput;
    encryptionKey: string;
    /** "apikey:<id>" or "partnerkey:<id>": who the audit log names */
    actor: string;
  },
): Promise<PutWebhookResult> {
  const events = [...new Set(input.body.events)];
  // Two first PUTs of one id take turns. The unique index cannot do it for the partner's subscriptions
  // (organizationId NULL: PostgreSQL treats NULLs as distinct), so a lock per (owner, id) does it for all.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WEBHOOK_LOCK_CLASS}::int4, hashtext(${`${input.organizationId ?? ""}\n${input.webhookId}`}))`;
  const existing = await tx.webhookSubscription.findFirst({
    where: { organizationId: input.organizationId, webhookId: input.webhookId },
  });
  if (existing) {
    const updated = await tx.webhookSubscription.update({
      where: { id: existing.id },
      data: { url: input.body.url, events, disabled: false },
    });
    await auditWebhook(tx, "webhook.update", updated.id, input, { url: updated.url, events });
    return { created: false, webhook: view(updated) };
  }
  const secret = newWebhookSecret();
  const created = await tx.webhookSubscription.create({
    data: {
      organizationId: input.organizationId,
      webhookId: input.webhookId,
      url: input.body.url,
      events,
      secretEnc: encryptSecret(secret, input.encryptionKey),
    },
  });
  await auditWebhook(tx, "webhook.create", created.id, input, { url: created.url, events });
  return { created: true, webhook: { ...view(created), secret } };
}

/** Who changed which subscription, in the change's transaction; never the secret. */
function auditWebhook(
  tx: DbTx,
  action: "webhook.create" | "webhook.update" | "webhook.delete",
  subscriptionId: string,
  owner: { organizationId: string | null; webhookId: string; actor: string },
  details: { url?: string; events?: string[] } = {},
) {
  return recordAudit(tx, {
    actorUserId: null,
    organizationId: owner.organizationId,
    action,
    targetType: "webhook",
    targetId: subscriptionId,
    details: { actor: owner.actor, webhookId: owner.webhookId, ...details },
  });
}

export async function listWebhooks(db: Db, organizationId: string | null): Promise<{ webhooks: WebhookView[] }> {
  const rows = await db.webhookSubscription.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" } });
  return { webhooks: rows.map(view) };
}

/**
 * Deletes a subscription. Its queued rows stay in the delivery log and settle as failed
 * (WEBHOOK_DELETED) when the channel reaches them: nothing is sent to a URL the ATS withdrew.
 */
export async function deleteWebhook(
  tx: DbTx,
  input: { organizationId: string | null; webhookId: string; actor: string },
): Promise<{ id: string; deleted: true }> {
  const existing = await tx.webhookSubscription.findFirst({
    where: { organizationId: input.organizationId, webhookId: input.webhookId },
    select: { id: true },
  });
  if (!existing) throw new AppError("NOT_FOUND", `No webhook ${input.webhookId}`);
  await tx.webhookSubscription.delete({ where: { id: existing.id } });
  await auditWebhook(tx, "webhook.delete", existing.id, input);
  return { id: input.webhookId, deleted: true };
}
