// Turns a delivery's state change into webhook outbox rows, inside the transaction that records the
// change (lib/delivery/record/record-outcomes.ts): the event is written exactly when the state commits, and a
// rolled-back record writes none. Webhook rows themselves never produce webhook events (no webhook about
// a webhook), so a receiver that is down cannot feed itself.
import type { DbTx } from "../db/tx";
import type { Prisma } from "../generated/prisma/client";
import {
  buildDeliveryEvent,
  eventForState,
  subscribersFor,
  type TWebhookPayload,
  WEBHOOK_CHANNEL,
  type WebhookBody,
  type WebhookEventType,
  webhookDestination,
} from "./webhook-events";

type Tx = DbTx;

export type WebhookRowInput = {
  organizationId: string;
  subscriptionId: string;
  body: WebhookBody;
  now: Date;
};

/** One webhook outbox row per (subscription, event); destination = the subscription (its own circuit). */
export async function insertWebhookRows(tx: Tx, rows: WebhookRowInput[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { count } = await tx.delivery.createMany({
    data: rows.map((r) => ({
      organizationId: r.organizationId,
      channel: WEBHOOK_CHANNEL,
      kind: r.body.type,
      destination: webhookDestination(r.subscriptionId),
      payload: { subscriptionId: r.subscriptionId, body: r.body } satisfies TWebhookPayload as Prisma.InputJsonValue,
      occurredAt: r.now,
    })),
  });
  return count;
}

async function activeSubscriptions(tx: Tx, types: WebhookEventType[]) {
  return tx.webhookSubscription.findMany({
    where: { disabled: false, events: { hasSome: types } },
    select: { id: true, organizationId: true, events: true },
  });
}

/** The ATS's ids (externalId) of the applications, positions and candidates these deliveries are about. */
async function externalIds(
  tx: Tx,
  deliveries: { applicationId: string | null; positionId: string | null; candidateId: string | null }[],
) {
  const of = (key: "applicationId" | "positionId" | "candidateId") => [
    ...new Set(deliveries.flatMap((d) => (d[key] ? [d[key]] : []))),
  ];
  const [applications, positions, candidates] = await Promise.all([
    tx.application.findMany({ where: { id: { in: of("applicationId") } }, select: { id: true, externalId: true } }),
    tx.position.findMany({ where: { id: { in: of("positionId") } }, select: { id: true, externalId: true } }),
    tx.candidate.findMany({ where: { id: { in: of("candidateId") } }, select: { id: true, externalId: true } }),
  ]);
  const map = (rows: { id: string; externalId: string | null }[]) =>
    new Map(rows.flatMap((r) => (r.externalId ? [[r.id, r.externalId] as const] : [])));
  return { applications: map(applications), positions: map(positions), candidates: map(candidates) };
}

/** Events about these deliveries (by id), for every subscription that wants them. */
export async function enqueueDeliveryEvents(
  tx: Tx,
  changes: { id: string; type: WebhookEventType }[],
  now: Date,
): Promise<number> {
  if (changes.length === 0) return 0;
  const subscriptions = await activeSubscriptions(tx, [...new Set(changes.map((c) => c.type))]);
  if (subscriptions.length === 0) return 0;
  const deliveries = await tx.delivery.findMany({
    where: { id: { in: changes.map((c) => c.id) }, channel: { not: WEBHOOK_CHANNEL } },
    select: {
      id: true,
      organizationId: true,
      channel: true,
      kind: true,
      applicationId: true,
      positionId: true,
      candidateId: true,
      lastError: true,
      lastErrorCode: true,
      organization: { select: { slug: true } },
    },
  });
  const byId = new Map(deliveries.map((d) => [d.id, d]));
  const ids = await externalIds(tx, deliveries);
  const rows: WebhookRowInput[] = [];
  for (const change of changes) {
    const d = byId.get(change.id);
    if (!d) continue;
    // the ATS knows its own ids, not our row ids
    const body = buildDeliveryEvent(
      change.type,
      {
        ...d,
        organizationSlug: d.organization.slug,
        applicationId: d.applicationId ? (ids.applications.get(d.applicationId) ?? null) : null,
        positionId: d.positionId ? (ids.positions.get(d.positionId) ?? null) : null,
        candidateId: d.candidateId ? (ids.candidates.get(d.candidateId) ?? null) : null,
      },
      now,
    );
    for (const s of subscribersFor(change.type, d.organizationId, subscriptions)) {
      // a partner subscription's row is filed under the delivery's organization: the log filters by it
      rows.push({ organizationId: s.organizationId ?? d.organizationId, subscriptionId: s.id, body, now });
    }
  }
  return insertWebhookRows(tx, rows);
}

/** The engine's hook: the rows that just became failed, dead or expired (webhook rows are skipped). */
export async function enqueueTransitionEvents(
  tx: Tx,
  transitions: { id: string; state: string }[],
  channel: string,
  now: Date,
): Promise<number> {
  if (channel === WEBHOOK_CHANNEL) return 0;
  const changes = transitions.flatMap((t) => {
    const type = eventForState(t.state);
    return type ? [{ id: t.id, type }] : [];
  });
  return enqueueDeliveryEvents(tx, changes, now);
}
