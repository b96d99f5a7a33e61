// How deliveries are shown to API callers: state and attempts, never another organization's rows.
// Bodies are stored redacted by the channels; the API shows them as stored.
import { z } from "zod";
import type { Db } from "../db/client";
import { CHANNELS } from "../delivery/channel";
import { AppError } from "../errors/app-error";
import { DeliveryState } from "../generated/prisma/enums";

export const ZDeliveryListQuery = z
  .object({
    state: z.enum(Object.values(DeliveryState) as [string, ...string[]]).optional(),
    channel: z.enum(CHANNELS).optional(),
    cursor: z.string().regex(/^\d+$/, "must be the nextCursor of a previous page").optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export type TDeliveryListQuery = z.infer<typeof ZDeliveryListQuery>;

const summary = {
  id: true,
  seq: true,
  channel: true,
  kind: true,
  state: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  lastErrorCode: true,
  occurredAt: true,
  createdAt: true,
  deliveredAt: true,
} as const;

type SummaryRow = { seq: bigint } & Record<string, unknown>;
const present = ({ seq: _seq, ...rest }: SummaryRow) => rest;

/** Newest first, keyset-paginated on seq so pages stay fast and stable while rows are added. */
export async function listDeliveries(db: Db, organizationId: string, query: TDeliveryListQuery) {
  const rows = await db.delivery.findMany({
    where: {
      organizationId,
      ...(query.state ? { state: query.state as DeliveryState } : {}),
      ...(query.channel ? { channel: query.channel } : {}),
      ...(query.cursor ? { seq: { lt: BigInt(query.cursor) } } : {}),
    },
    orderBy: { seq: "desc" },
    take: query.limit + 1,
    select: summary,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    deliveries: page.map(present),
    nextCursor: rows.length > query.limit && last ? last.seq.toString() : null,
  };
}

export async function getDelivery(db: Db, organizationId: string, id: string) {
  const row = await db.delivery.findFirst({
    where: { id, organizationId },
    select: {
      ...summary,
      payload: true,
      attemptLog: {
        orderBy: { startedAt: "asc" },
        select: {
          requestId: true,
          startedAt: true,
          durationMs: true,
          httpStatus: true,
          outcome: true,
          errorCodes: true,
          errorMessage: true,
          batchSize: true,
        },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", `No delivery ${id}.`);
  const { attemptLog, ...rest } = row;
  return { delivery: { ...present(rest), attempts: rest.attempts, attemptLog } };
}
