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
