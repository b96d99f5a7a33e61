// The "seek-history" channel: candidate process history items (seed 003), sent one delivery at a time in
// the order given (one item's create/update/delete share an ordering key). Payloads are lib/history's
// HistoryDeliveryPayload. A create answered Conflict is our own earlier create (same idempotencyId):
// delivered, with SEEK's id as ours. Decisions: docs/decisions/0034-seek-history-channel.md.

import type { AnyVariables } from "@urql/core";
import { z } from "zod";
import type { Channel, ClaimedDelivery, DeliveryOutcome } from "@/lib/delivery/channel";
import type { HistoryItemFields } from "@/lib/history/build-history-item";
import type { SeekClassification } from "./classify-seek-response";
import {
  CreateCandidateProcessHistoryItemDocument,
  DeleteCandidateProcessHistoryItemDocument,
  UpdateCandidateProcessHistoryItemDocument,
} from "./history-documents";
import { recordSeekItemIds } from "./record-seek-item-ids";
import type { SeekClient } from "./seek-graphql-client";
import { DEFAULT_MAX_SEND_MS, type SeekSendOptions, startSeekSend } from "./seek-send-run";
import { type SeekRequest, sendSeekRequest } from "./send-seek-request";

/** SEEK's id for one of our history items (CandidateHistoryItem.seekItemId), or null if not known. */
export type ResolveSeekItemId = (historyItemId: string, organizationId: string) => Promise<string | null>;

export type SeekHistoryChannelOptions = SeekSendOptions & {
  client: SeekClient;
  resolveSeekItemId: ResolveSeekItemId;
  /** deliveries per send(), sent one after another (default 10) */
  maxBatch?: number;
};

const item = z.custom<HistoryItemFields>((v) => typeof v === "object" && v !== null);
const base = { candidateProfileId: z.string().min(1), idempotencyId: z.string().min(1) };
export const ZHistoryDeliveryPayload = z.discriminatedUnion("operation", [
  z.object({ operation: z.literal("create"), ...base, item }),
  z.object({ operation: z.literal("update"), ...base, historyItemId: z.string().min(1), item }),
  z.object({ operation: z.literal("delete"), ...base, historyItemId: z.string().min(1) }),
]);
type THistoryDeliveryPayload = z.infer<typeof ZHistoryDeliveryPayload>;

/** A delivery's end, or an answer that is not the delivery's own fault (the caller decides). */
type Step = { outcome: DeliveryOutcome } | { answer: Exclude<SeekClassification, { category: "ok" }> };
type Call = <TData, TVariables extends AnyVariables>(
  request: SeekRequest<TData, TVariables>,
) => Promise<SeekClassification>;
type ItemRef = { id: { value: string } } | undefined;

function createRequest(payload: THistoryDeliveryPayload & { item: HistoryItemFields }, deliveries: ClaimedDelivery[]) {
  const input = {
    candidateProfile: { profileId: payload.candidateProfileId },
    candidateProcessHistoryItem: { ...payload.item, idempotencyId: payload.idempotencyId },
  };
  return { document: CreateCandidateProcessHistoryItemDocument, variables: { input }, deliveries };
}

/** The id SEEK gave the item, and whether it already existed (a Conflict on our idempotencyId). */
function createdItem(data: Record<string, unknown>): { seekItemId: string; conflict: boolean } | null {
  const payload = data.createCandidateProcessHistoryItem as Record<string, ItemRef> | undefined;
  const created = payload?.candidateProcessHistoryItem?.id.value;
  const existing = payload?.conflictingCandidateProcessHistoryItem?.id.value;
  if (created) return { seekItemId: created, conflict: false };
  return existing ? { seekItemId: existing, conflict: true } : null;
}

async function deliverOne(
  delivery: ClaimedDelivery,
  payload: THistoryDeliveryPayload,
  seekItemId: string | null,
  call: Call,
): Promise<Step> {
  const deliveries = [delivery];
  const ended = (answer: SeekClassification, onData: (data: Record<string, unknown>) => DeliveryOutcome): Step =>
    answer.category === "ok" ? { outcome: onData(answer.data) } : { answer };
  const noId: DeliveryOutcome = { kind: "failed", code: "UNKNOWN", message: "SEEK answered without the item's id" };

  if (payload.operation === "create") {
    return ended(await call(createRequest(payload, deliveries)), (data) => {
      const created = createdItem(data);
      return created ? { kind: "delivered", result: created } : noId;
    });
  }
  if (payload.operation === "delete") {
    if (!seekItemId) {
      const message = "SEEK has no id for this history item: its create was never delivered";
      return { outcome: { kind: "failed", code: "SEEK_ITEM_UNKNOWN", message } };
    }
    const variables = { input: { candidateProcessHistoryItem: { id: seekItemId } } };
    const answer = await call({ document: DeleteCandidateProcessHistoryItemDocument, variables, deliveries });
    // null: already gone at SEEK, which is what a delete wants.
    return ended(answer, (data) => ({
      kind: "delivered",
      result: { seekItemId, alreadyDeleted: data.deleteCandidateProcessHistoryItem === null },
    }));
  }
  let id = seekItemId;
  if (!id) {
    // The id never reached us: creating with the same idempotencyId creates the item as it now is, or
    // answers Conflict with SEEK's id for it, which the update then uses.
    const answer = await call(createRequest(payload, deliveries));
    if (answer.category !== "ok") return { answer };
    const created = createdItem(answer.data);
    if (!created) return { outcome: noId };
    if (!created.conflict) return { outcome: { kind: "delivered", result: { seekItemId: created.seekItemId } } };
    id = created.seekItemId;
  }
  const variables = { input: { candidateProcessHistoryItem: { ...payload.item, id } } };
  const answer = await call({ document: UpdateCandidateProcessHistoryItemDocument, variables, deliveries });
  return ended(answer, (data) =>
    data.updateCandidateProcessHistoryItem === null
      ? { kind: "failed", code: "NOT_FOUND", message: `SEEK has no history item ${id} to update (deleted at SEEK?)` }
      : { kind: "delivered", result: { seekItemId: id } },
  );
}

export function createSeekHistoryChannel(options: SeekHistoryChannelOptions): Channel {
  return {
    name: "seek-history",
    recordDelivered: recordSeekItemIds,
    maxBatch: options.maxBatch ?? 10,
    maxSendMs: options.maxSendMs ?? DEFAULT_MAX_SEND_MS,
    async send(batch, context) {
      const run = startSeekSend(options, context);
      // An update right behind its create in the same batch cannot find the id in the database yet.
      const knownHere = new Map<string, string>();
      for (let i = 0; i < batch.length; i++) {
        const delivery = batch[i] as ClaimedDelivery;
        const rest = batch.slice(i);
        const parsed = ZHistoryDeliveryPayload.safeParse(delivery.payload);
        if (!parsed.success) {
          run.settle([delivery], { kind: "failed", code: "INVALID_PAYLOAD", message: parsed.error.message });
          continue;
        }
        const payload = parsed.data;
        const token = await run.nextToken(rest);
        if (token === null) break;
        const itemKey = `${payload.candidateProfileId}\u0000${payload.idempotencyId}`;
        const seekItemId =
          payload.operation === "create"
            ? null
            : (knownHere.get(itemKey) ??
              (await options.resolveSeekItemId(payload.historyItemId, delivery.organizationId)));
        const call: Call = async (request) => {
          const { classification, log } = await sendSeekRequest(options.client, request, {
            token,
            signal: run.requestSignal(),
            now: context.now,
          });
          run.result.requests.push(log);
          return classification;
        };

        const step = await deliverOne(delivery, payload, seekItemId, call);
        if ("outcome" in step) {
          run.settle([delivery], step.outcome);
          const id = step.outcome.kind === "delivered" ? step.outcome.result?.seekItemId : undefined;
          if (typeof id === "string") knownHere.set(itemKey, id);
          continue;
        }
        const { answer } = step;
        if (answer.category === "forbidden" || answer.category === "bad_user_input") {
          const code = answer.category === "forbidden" ? "FORBIDDEN" : "BAD_USER_INPUT";
          run.settle([delivery], { kind: "failed", code, message: answer.message });
        } else if (answer.category === "unauthenticated" && (await run.renewAfterUnauthenticated(token))) {
          i--; // the same delivery again, with a new partner token
        } else {
          run.stop(answer, rest);
          break;
        }
      }
      return run.result;
    },
  };
}
