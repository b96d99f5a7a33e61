// PUT /api/v1/webhooks/:webhookId — register (201, with the whsec_ secret this once) or update (200) an
// operational webhook; the URL must reach the internet (decision 0148)
// DELETE same path — stop sending to it
import { z } from "zod";
import { v1Write } from "@/lib/api/v1-route";
import { webhookEncryptionKey, webhookUrlRuleOptions } from "@/lib/webhooks/webhook-settings";
import {
  assertWebhookUrlAllowed,
  deleteWebhook,
  putWebhook,
  ZWebhookInput,
  ZWebhookParams,
} from "@/lib/webhooks/webhook-subscriptions";

export const PUT = v1Write({
  params: ZWebhookParams,
  body: ZWebhookInput,
  write: async ({ tx, principal, body, params }) => {
    await assertWebhookUrlAllowed(body.url, webhookUrlRuleOptions());
    return putWebhook(tx, {
      organizationId: principal.organizationId,
      webhookId: params.webhookId,
      body,
      encryptionKey: webhookEncryptionKey(),
    });
  },
  respond: (result) => ({ status: result.created ? 201 : 200, body: result.webhook }),
});

export const DELETE = v1Write({
  params: ZWebhookParams,
  body: z.object({}).strict(),
  write: ({ tx, principal, params }) =>
    deleteWebhook(tx, { organizationId: principal.organizationId, webhookId: params.webhookId }),
  respond: (result) => ({ status: 200, body: result }),
});
