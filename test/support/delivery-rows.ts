// Outbox rows written directly, in any state, for tests of what reads and admin actions do with them.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryState } from "@/lib/generated/prisma/enums";

export type TDeliveryRowInput = {
  organizationId: string;
  state?: DeliveryState;
  channel?: "seek-signal" | "seek-history" | "linkedin-note";
  kind?: string;
  payload?: Prisma.InputJsonValue;
} & Partial<
  Pick<
    Prisma.DeliveryUncheckedCreateInput,
    | "attempts"
    | "nextAttemptAt"
    | "leaseOwner"
    | "leaseExpiresAt"
    | "lastError"
    | "lastErrorCode"
    | "deliveredAt"
    | "tokenPrefix"
    | "orderingKey"
  >
>;

export async function insertDelivery(db: Db, input: TDeliveryRowInput) {
  const channel = input.channel ?? "seek-signal";
  return db.delivery.create({
    data: {
      organizationId: input.organizationId,
      channel,
      kind: input.kind ?? "ApplicationStatusUpdate",
      destination: channel === "linkedin-note" ? `linkedin:${input.organizationId}` : "seek",
      payload: input.payload ?? { typeCode: "ApplicationStatusUpdate" },
      state: input.state ?? "pending",
      occurredAt: new Date("2026-11-23T09:00:00.000Z"),
      attempts: input.attempts ?? 0,
      nextAttemptAt: input.nextAttemptAt,
      leaseOwner: input.leaseOwner,
      leaseExpiresAt: input.leaseExpiresAt,
      lastError: input.lastError,
      lastErrorCode: input.lastErrorCode,
      deliveredAt: input.deliveredAt,
      tokenPrefix: input.tokenPrefix,
      orderingKey: input.orderingKey,
    },
  });
}

type TAttemptFields = Pick<
  Prisma.DeliveryAttemptUncheckedCreateInput,
  "requestId" | "workerId" | "startedAt" | "durationMs" | "httpStatus" | "outcome" | "errorCodes" | "errorMessage"
>;

/** One logged HTTP request carrying one delivery, written the way the engine writes it (0083). */
export async function logAttempt(
  db: Db,
  input: {
    deliveryId: string;
    channel: string;
    attempt: TAttemptFields;
    requestBody?: string | null;
    responseBody?: string | null;
  },
) {
  const { attempt } = input;
  const request = await db.deliveryRequest.create({
    data: {
      id: `log-${attempt.requestId}-${input.deliveryId}`,
      requestId: attempt.requestId,
      channel: input.channel,
      workerId: attempt.workerId,
      startedAt: attempt.startedAt ?? new Date(),
      durationMs: attempt.durationMs,
      httpStatus: attempt.httpStatus,
      errorCodes: attempt.errorCodes,
      requestBody: input.requestBody ?? null,
      responseBody: input.responseBody ?? null,
      batchSize: 1,
    },
  });
  return db.deliveryAttempt.create({ data: { ...attempt, deliveryId: input.deliveryId, requestLogId: request.id } });
}
