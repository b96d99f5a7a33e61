// PUT /api/v1/webhooks/:webhookId — register (201, with the whsec_ secret this once) or update (200) an
// operational webhook; the URL must reach the internet (decision 0148)
// DELETE same path — stop sending to it
// An organization's key owns the organization's subscriptions; a partner key the partner's (every
// organization's delivery events plus the channel events).
import { z } from "zod";
import { organizationOrPartner } from "@/lib/api/organization-or-partner";
import { partnerWrite } from "@/lib/api/partner-route";
import { v1Write } from "@/lib/api/v1-route";
import type { DbTx } from "@/lib/db/tx";
import { webhookEncryptionKey, webhookUrlRuleOptions } from "@/lib/webhooks/webhook-settings";
import {
  assertWebhookUrlAllowed,
  deleteWebhook,
  type PutWebhookResult,
  putWebhook,
  type TWebhookInput,
  ZDeletedWebhook,
  ZWebhookInput,
  ZWebhookParams,
  ZWebhookWithSecret,
} from "@/lib/webhooks/webhook-subscriptions";

const PUT_DOC = {
  summary: "Register (201, with its secret) or update (200) an operational webhook",
  status: 200,
  mayCreate: true,
  response: ZWebhookWithSecret,
};
const DELETE_DOC = { summary: "Delete an operational webhook", status: 200, response: ZDeletedWebhook };

type TOwner = { organizationId: string | null; actor: string };

async function put(tx: DbTx, owner: TOwner, webhookId: string, body: TWebhookInput): Promise<PutWebhookResult> {
  await assertWebhookUrlAllowed(body.url, webhookUrlRuleOptions());
  return putWebhook(tx, { ...owner, webhookId, body, encryptionKey: webhookEncryptionKey() });
}

// The secret is in the first answer only: an Idempotency-Key replay answers without it (never at rest).
const answer = (result: PutWebhookResult) => {
  const { secret: _secret, ...stored } = result.webhook;
  return { status: result.created ? 201 : 200, body: result.webhook, replayBody: stored };
};

export const PUT = organizationOrPartner({
  organization: v1Write({
    params: ZWebhookParams,
    body: ZWebhookInput,
    doc: PUT_DOC,
    write: ({ tx, scope, body, params }) => put(tx, scope, params.webhookId, body),
    respond: answer,
  }),
  partner: partnerWrite({
    params: ZWebhookParams,
    body: ZWebhookInput,
    doc: PUT_DOC,
    write: async ({ tx, actor, body, params }) =>
      answer(await put(tx, { organizationId: null, actor }, params.webhookId, body)),
  }),
});

export const DELETE = organizationOrPartner({
  organization: v1Write({
    params: ZWebhookParams,
    body: z.object({}).strict(),
    doc: DELETE_DOC,
    write: ({ tx, scope, params }) => deleteWebhook(tx, { ...scope, webhookId: params.webhookId }),
    respond: (result) => ({ status: 200, body: result }),
  }),
  partner: partnerWrite({
    params: ZWebhookParams,
    body: z.object({}).strict(),
    doc: DELETE_DOC,
    write: async ({ tx, actor, params }) => ({
      status: 200,
      body: await deleteWebhook(tx, { organizationId: null, actor, webhookId: params.webhookId }),
    }),
  }),
});
