// GET /api/v1/webhooks — the caller's operational webhooks (never their secrets): an organization key
// lists its organization's, a partner key the partner's
import { z } from "zod";
import { organizationOrPartner } from "@/lib/api/organization-or-partner";
import { partnerRead } from "@/lib/api/partner-route";
import { v1Read } from "@/lib/api/v1-route";
import { db } from "@/lib/db/client";
import { listWebhooks, ZWebhookList } from "@/lib/webhooks/webhook-subscriptions";

const DOC = { summary: "List operational webhooks", response: ZWebhookList };

export const GET = organizationOrPartner({
  organization: v1Read({
    params: z.object({}),
    query: z.object({}).strict(),
    doc: DOC,
    read: ({ scope }) => listWebhooks(db(), scope.organizationId),
  }),
  partner: partnerRead({
    params: z.object({}),
    query: z.object({}).strict(),
    doc: DOC,
    read: () => listWebhooks(db(), null),
  }),
});
