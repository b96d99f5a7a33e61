// The body of one status change, whether sent alone (POST …/status) or as an item of POST /status-changes.
import { z } from "zod";
import { ZOccurredAt } from "./occurred-at";

export const ZStatusChange = z
  .object({ status: z.string().min(1).max(100), occurredAt: ZOccurredAt.optional() })
  .strict();
