// Response bodies every v1 route shares, as zod schemas for the OpenAPI document (lib/openapi). Tests parse
// real answers with them, so the document describes what the routes send.
import { z } from "zod";
import { DELIVERY_STATES } from "../delivery-log/delivery-log-filter";

export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "machine code, e.g. VALIDATION_FAILED, NOT_FOUND, OCCURRED_IN_FUTURE" }),
      message: z.string().meta({ description: "for a person; names the field at fault" }),
      issues: z.array(z.unknown()).meta({ description: "for 400: one entry per problem, with its path" }),
    }),
  })
  .meta({ id: "Error" });

export const ZDeliveryStub = z.object({ id: z.string(), channel: z.string(), state: z.enum(DELIVERY_STATES) });

export const ZWriteAccepted = z
  .object({
    id: z.string().meta({ description: "the event recorded" }),
    deliveries: z.array(ZDeliveryStub).meta({ description: "the outbox rows written with it" }),
  })
  .loose()
  .meta({ id: "WriteAccepted" });
