// Schemas shared by several v1 routes.
import { z } from "zod";
import { ZExternalId } from "../positions/position-input";

export const ZOccurredAt = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time with offset, e.g. 2026-01-02T09:00:00Z" })
  .transform((value) => new Date(value));

export const ZStatusChange = z
  .object({ status: z.string().min(1).max(100), occurredAt: ZOccurredAt.optional() })
  .strict();

export const ZCompleteBody = z.object({ occurredAt: ZOccurredAt.optional() }).strict();

export const ZApplicationParams = z.object({ applicationId: ZExternalId });
export const ZPositionParams = z.object({ positionId: ZExternalId });
