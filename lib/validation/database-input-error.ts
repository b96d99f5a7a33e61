// PostgreSQL refusing a value the client sent (a data exception, SQLSTATE class 22) is the client's
// mistake, not ours: 400, never 500. The boundary refuses such values first (find-unstorable-text,
// zod lengths); this is the net under it for whatever a schema misses, through either driver adapter.
import { AppError } from "../errors/app-error";

const INPUT_SQLSTATES: Record<string, string> = {
  "22001": "a value is too long for its column",
  "22003": "a number is out of range",
  "22007": "a date or time is not valid",
  "22008": "a date or time is out of range",
  "22021": "a text value holds a byte sequence PostgreSQL cannot store (e.g. U+0000)",
  "22P02": "a value has the wrong syntax for its type",
  "22P05": "a text value holds a character PostgreSQL cannot store (e.g. an unpaired \\u escape)",
};

/** The SQLSTATE a Prisma driver-adapter error carries, wherever Prisma put it. */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } } })
    .meta;
  const cause = meta?.driverAdapterError?.cause ?? (error as { cause?: { originalCode?: unknown } }).cause;
  const code = (cause as { originalCode?: unknown } | undefined)?.originalCode ?? (cause as { code?: unknown })?.code;
  return typeof code === "string" ? code : undefined;
}

/** A 400 for a database rejection of input, or undefined when the error is something else. */
export function databaseInputError(error: unknown): AppError | undefined {
  const state = sqlStateOf(error);
  const reason = state ? INPUT_SQLSTATES[state] : undefined;
  if (!reason) return undefined;
  return new AppError("BAD_REQUEST", `The request could not be stored: ${reason} (SQLSTATE ${state}).`, [
    { path: "(body)", message: reason, code: `sqlstate_${state}` },
  ]);
}
