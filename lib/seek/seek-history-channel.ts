// The "seek-history" channel: candidate process history items (seed 003), one mutation per delivery, in
// the order given (the engine keeps one item's create/update/delete in sequence). A create answered
// Conflict is the item we created before (same idempotencyId): delivered, with SEEK's id as ours.
// Payload contract: docs/decisions/0034-seek-history-channel.md.
import { z } from "zod";
import type { Channel, ClaimedDelivery, DeliveryOutcome } from "@/lib/delivery/channel";
import {
  CreateCandidateProcessHistoryItemDocument,
  type CreateCandidateProcessHistoryItemInput,
  DeleteCandidateProcessHistoryItemDocument,
  UpdateCandidateProcessHistoryItemDocument,
  type UpdateCandidateProcessHistoryItemInput,
} from "./history-documents";
import type { SeekClient } from "./seek-graphql-client";
import { DEFAULT_MAX_SEND_MS, type SeekSendOptions, startSeekSend } from "./seek-send-run";
import { type SeekRequestResult, sendSeekRequest } from "./send-seek-request";

/** SEEK's id for one of our history items (CandidateHistoryItem.seekItemId), or null if never created. */
export type ResolveSeekItemId = (historyItemId: string, organizationId: string) => Promise<string | null>;

export type SeekHistoryChannelOptions = SeekSendOptions & {
  client: SeekClient;
  resolveSeekItemId: ResolveSeekItemId;
  /** deliveries per send(), sent one after another (default 10) */
  maxBatch?: number;
};

export const ZSeekHistoryPayload = z.object({
  /** CandidateHistoryItem.id: finds SEEK's id for an update or delete queued before the create was delivered */
  historyItemId: z.string().min(1).optional(),
  /** the mutation's `input` variable, as SEEK's schema defines it */
  input: z.record(z.string(), z.unknown()),
});

type ItemRef = { id: { value: string } } | undefined;
type RequestOptions = Parameters<typeof sendSeekRequest>[2];
type Prepared =
  | { failed: DeliveryOutcome }
  | {
      send(options: RequestOptions): Promise<SeekRequestResult>;
      onData(data: Record<string, unknown>): DeliveryOutcome;
    };

async function prepare(client: SeekClient, delivery: ClaimedDelivery, resolve: ResolveSeekItemId): Promise<Prepared> {
  const parsed = ZSeekHistoryPayload.safeParse(delivery.payload);
  if (!parsed.success) return { failed: { kind: "failed", code: "INVALID_PAYLOAD", message: parsed.error.message } };
  const { input, historyItemId } = parsed.data;
  const deliveries = [delivery];
  if (delivery.kind === "HistoryCreate") {
    const variables = { input: input as CreateCandidateProcessHistoryItemInput };
    return {
      send: (options) =>
        sendSeekRequest(
          client,
          { document: CreateCandidateProcessHistoryItemDocument, variables, deliveries },
          options,
        ),
      onData(data) {
        const payload = data.createCandidateProcessHistoryItem as Record<string, ItemRef> | undefined;
        const created = payload?.candidateProcessHistoryItem?.id.value;
        const existing = payload?.conflictingCandidateProcessHistoryItem?.id.value;
        return { kind: "delivered", result: { seekItemId: created ?? existing, conflict: created === undefined } };
      },
    };
  }
  if (delivery.kind !== "HistoryUpdate" && delivery.kind !== "HistoryDelete") {
    return { failed: { kind: "failed", code: "UNKNOWN_KIND", message: `seek-history cannot send ${delivery.kind}` } };
  }
  const item = (input.candidateProcessHistoryItem ?? {}) as Record<string, unknown>;
  const id =
    (typeof item.id === "string" && item.id) ||
    (historyItemId ? await resolve(historyItemId, delivery.organizationId) : null);
  if (!id) {
    const message = "SEEK has no id for this history item: its create was never delivered";
    return { failed: { kind: "failed", code: "SEEK_ITEM_UNKNOWN", message } };
  }
  if (delivery.kind === "HistoryDelete") {
    return {
      send: (options) =>
        sendSeekRequest(
          client,
          {
            document: DeleteCandidateProcessHistoryItemDocument,
            variables: { input: { candidateProcessHistoryItem: { id } } },
            deliveries,
          },
          options,
        ),
      // null: already gone at SEEK, which is what a delete wants.
      onData: (data) => ({
        kind: "delivered",
        result: { seekItemId: id, alreadyDeleted: data.deleteCandidateProcessHistoryItem === null },
      }),
    };
  }
  const variables = {
    input: { ...input, candidateProcessHistoryItem: { ...item, id } } as UpdateCandidateProcessHistoryItemInput,
  };
  return {
    send: (options) =>
      sendSeekRequest(client, { document: UpdateCandidateProcessHistoryItemDocument, variables, deliveries }, options),
    onData: (data) =>
      data.updateCandidateProcessHistoryItem === null
        ? { kind: "failed", code: "NOT_FOUND", message: `SEEK has no history item ${id} to update (deleted at SEEK?)` }
        : { kind: "delivered", result: { seekItemId: id } },
  };
}

export function createSeekHistoryChannel(options: SeekHistoryChannelOptions): Channel {
  return {
    name: "seek-history",
    maxBatch: options.maxBatch ?? 10,
    maxSendMs: options.maxSendMs ?? DEFAULT_MAX_SEND_MS,
    async send(batch, context) {
      const run = startSeekSend(options, context);
      // An update queued right behind its create in the same batch cannot find the id in the database yet.
      const createdHere = new Map<string, string>();
      const resolve: ResolveSeekItemId = async (historyItemId, organizationId) =>
        createdHere.get(historyItemId) ?? options.resolveSeekItemId(historyItemId, organizationId);
      for (let i = 0; i < batch.length; i++) {
        const delivery = batch[i] as ClaimedDelivery;
        const rest = batch.slice(i);
        const token = await run.nextToken(rest);
        if (token === null) break;
        const prepared = await prepare(options.client, delivery, resolve);
        if ("failed" in prepared) {
          run.settle([delivery], prepared.failed);
          continue;
        }
        const { classification: outcome, log } = await prepared.send({
          token,
          signal: run.requestSignal(),
          now: context.now,
        });
        run.result.requests.push(log);
        if (outcome.category === "ok") {
          const delivered = prepared.onData(outcome.data);
          run.settle([delivery], delivered);
          const { historyItemId } = ZSeekHistoryPayload.parse(delivery.payload);
          const seekItemId = delivered.kind === "delivered" ? delivered.result?.seekItemId : undefined;
          if (historyItemId && typeof seekItemId === "string") createdHere.set(historyItemId, seekItemId);
        } else if (outcome.category === "forbidden" || outcome.category === "bad_user_input") {
          const code = outcome.category === "forbidden" ? "FORBIDDEN" : "BAD_USER_INPUT";
          run.settle([delivery], { kind: "failed", code, message: outcome.message });
        } else if (outcome.category === "unauthenticated" && (await run.renewAfterUnauthenticated(token))) {
          i--; // the same delivery again, with a new partner token
        } else {
          run.stop(outcome, rest);
          break;
        }
      }
      return run.result;
    },
  };
}
