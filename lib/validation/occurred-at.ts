// When something happened, as the ATS says it: ISO 8601 with an offset, read as a Date. (How far ahead of
// the server clock it may be is a rule of the writes: lib/events/reject-future-time.ts.)
import { z } from "zod";

export const ZOccurredAt = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time with offset, e.g. 2026-01-02T09:00:00Z" })
  .transform((value) => new Date(value));
