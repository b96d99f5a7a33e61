// An organization's webhook subscriptions as its admin page lists them (the ATS manages them through
// PUT/DELETE /api/v1/webhooks: the page reads, it does not edit), each with how many of its deliveries
// wait, failed and died, read in one grouped query over the outbox.
import { inScope, type TScope } from "../data/scope";
import type { Db } from "../db/client";
import type { DeliveryState } from "../generated/prisma/client";
import { displayWebhookUrl } from "./display-webhook-url";
import { WEBHOOK_CHANNEL, webhookDestination } from "./webhook-events";

export type OrganizationWebhook = {
  id: string;
  /** the ATS's id for it */
  webhookId: string;
  /** without its query string (display-webhook-url.ts) */
  url: string;
  events: string[];
  disabled: boolean;
  createdAt: Date;
  /** deliveries pending or in flight */
  waiting: number;
  /** deliveries failed (an admin may retry them) */
  failed: number;
  /** deliveries dead (out of retries) */
  dead: number;
};

const WAITING = ["pending", "in_flight"] as const satisfies readonly DeliveryState[];
/** the states the page counts: waiting, failed, dead */
const COUNTED: DeliveryState[] = [...WAITING, "failed", "dead"];

export async function listOrganizationWebhooks(
  db: Db,
  scope: TScope,
  organizationId: string,
): Promise<OrganizationWebhook[]> {
  const subscriptions = await db.webhookSubscription.findMany({
    where: inScope(scope, { organizationId }),
    orderBy: { createdAt: "asc" },
    select: { id: true, webhookId: true, url: true, events: true, disabled: true, createdAt: true },
  });
  if (subscriptions.length === 0) return [];
  const counts = await db.delivery.groupBy({
    by: ["destination", "state"],
    where: inScope(scope, {
      organizationId,
      channel: WEBHOOK_CHANNEL,
      destination: { in: subscriptions.map((s) => webhookDestination(s.id)) },
      state: { in: COUNTED },
    }),
    _count: { _all: true },
  });
  const count = (id: string, states: readonly DeliveryState[]) =>
    counts
      .filter((c) => c.destination === webhookDestination(id) && states.includes(c.state))
      .reduce((sum, c) => sum + (c._count?._all ?? 0), 0);
  return subscriptions.map((s) => ({
    ...s,
    url: displayWebhookUrl(s.url),
    waiting: count(s.id, WAITING),
    failed: count(s.id, ["failed"]),
    dead: count(s.id, ["dead"]),
  }));
}
