// The delivery log's filter, as it lives in the URL (?organization=&channel=&state=&kind=&application=&…)
// and as the bulk actions and the CSV export receive it: one zod schema for all of them, so a confirmed
// bulk change re-reads exactly the filter the admin saw. Pure: safe for tests and client components.
import { z } from "zod";
import { CHANNELS } from "../delivery/channel";
import { DeliveryState } from "../generated/prisma/enums";
import { findUnstorableText } from "../validation/find-unstorable-text";

export const DELIVERY_STATES = Object.values(DeliveryState) as [DeliveryState, ...DeliveryState[]];

/** Delivery.kind values (prisma/schema.prisma). */
export const DELIVERY_KINDS = [
  "ApplicationStatusUpdate",
  "PositionStatusUpdate",
  "ApplicationComplete",
  "HistoryCreate",
  "HistoryUpdate",
  "HistoryDelete",
  "NoteUpsert",
  "NoteDelete",
] as const;

// A filter form's "any" option submits an empty value: that means "no filter", not an invalid one.
const blankAsAbsent = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

// A query string can carry what PostgreSQL cannot search for (?q=%00): refused here, so the page shows
// the filter's error instead of failing, and no consumer of the filter can forget it.
function storableText(value: string, ctx: z.RefinementCtx): void {
  const problem = findUnstorableText(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem.message });
}

/** An id as the ATS sends it (Application/Position/Candidate.externalId) or as Signalhouse stores it. */
const ZRecordId = z
  .string()
  .trim()
  .max(200, "must be at most 200 characters")
  .regex(/^[^\s/?#]+$/, "must be one id, without whitespace, '/', '?' or '#'")
  .superRefine(storableText);

// datetime-local inputs send "2026-11-23T10:00" (no zone): the dashboard shows UTC, so it is read as UTC.
export const ZLogTime = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/,
    "must be a date (2026-11-23) or date-time (2026-11-23T10:00, UTC unless it names a zone)",
  )
  .transform((value, ctx) => {
    const withTime = value.includes("T") ? value : `${value}T00:00`;
    const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(withTime);
    const date = new Date(zoned ? withTime : `${withTime}Z`);
    // Date rolls 2026-02-31 over to March; a UTC date must read back as typed.
    if (Number.isNaN(date.getTime()) || (!zoned && date.toISOString().slice(0, 10) !== value.slice(0, 10))) {
      ctx.addIssue({ code: "custom", message: "is not a real date" });
      return z.NEVER;
    }
    return date;
  });

/** The error filter's word for rows that failed without a code (Delivery.lastErrorCode IS NULL). */
export const NO_ERROR_CODE = "NONE";

const FILTER_FIELDS = {
  organization: z.string().trim().max(100).superRefine(storableText).optional(),
  channel: z.enum(CHANNELS).optional(),
  state: z.enum(DELIVERY_STATES).optional(),
  kind: z.enum(DELIVERY_KINDS).optional(),
  application: ZRecordId.optional(),
  position: ZRecordId.optional(),
  candidate: ZRecordId.optional(),
  /** the ATS's id of one of its operational webhooks: that webhook's deliveries (the organization page's links) */
  webhook: ZRecordId.optional(),
  from: ZLogTime.optional(),
  to: ZLogTime.optional(),
  q: z.string().trim().max(200, "must be at most 200 characters").superRefine(storableText).optional(),
  /** Delivery.lastErrorCode, as the failure groups link to it (NONE: failed without a code) */
  error: z
    .string()
    .trim()
    .max(100, "must be at most 100 characters")
    .regex(/^[A-Za-z0-9_.:-]+$/, "must be an error code such as SEEK_5XX (letters, digits, _ . : -)")
    .optional(),
};

const fromBeforeTo = (value: { from?: Date; to?: Date }) => !(value.from && value.to && value.from > value.to);
const FROM_BEFORE_TO = { message: "must not be before 'from'", path: ["to"] };

function blanksAsAbsent(value: unknown) {
  return value && typeof value === "object"
    ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, blankAsAbsent(item)]))
    : value;
}

/** What selects deliveries (no paging): the bulk actions and the CSV export take exactly this. */
export const ZDeliveryLogFilter = z.preprocess(
  blanksAsAbsent,
  z.object(FILTER_FIELDS).strict().refine(fromBeforeTo, FROM_BEFORE_TO),
);
export type TDeliveryLogFilter = z.infer<typeof ZDeliveryLogFilter>;

/** The page's and its polling route's query: the filter plus a page position. */
export const ZDeliveryLogQuery = z.preprocess(
  blanksAsAbsent,
  z
    .object({
      ...FILTER_FIELDS,
      cursor: z.string().regex(/^\d+$/, "must be the nextCursor of a previous page").optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    })
    .strict()
    .refine(fromBeforeTo, FROM_BEFORE_TO),
);
export type TDeliveryLogQuery = z.infer<typeof ZDeliveryLogQuery>;

export const FILTER_KEYS = Object.keys(FILTER_FIELDS) as (keyof typeof FILTER_FIELDS)[];

/** The filter without paging (what a bulk action or an export is about). */
export function filterOf(query: TDeliveryLogQuery): TDeliveryLogFilter {
  const { cursor: _cursor, limit: _limit, ...filter } = query;
  return filter;
}

/** "channel=seek-signal, state=dead" — the words a confirmation and an audit row use for a filter. */
export function describeFilter(filter: TDeliveryLogFilter, organizationNames: Record<string, string> = {}): string {
  const parts = FILTER_KEYS.flatMap((key) => {
    const value = filter[key];
    if (value === undefined) return [];
    if (value instanceof Date) return [`${key}=${value.toISOString()}`];
    if (key === "organization") return [`organization=${organizationNames[value] ?? value}`];
    if (key === "q") return [`search "${value}"`];
    return [`${key}=${value}`];
  });
  return parts.length > 0 ? parts.join(", ") : "no filter (every delivery)";
}
