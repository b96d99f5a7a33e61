// What every server action returns to its form: a value, never a thrown error, so expected failures
// (bad input, not allowed, conflict) reach the person as a message. Pure types and helpers: safe to
// import from client components.
import type { ErrorCode } from "../errors/app-error";

export type TFieldErrors = Record<string, string>;

export type TActionState<T = null> =
  | { status: "idle" }
  | { status: "ok"; message: string; data: T }
  | { status: "error"; code: ErrorCode | "INTERNAL"; message: string; fieldErrors: TFieldErrors };

export const IDLE_STATE = { status: "idle" } as const satisfies TActionState<never>;

/** First message per top-level field, from zod issues or AppError issues of the same shape. */
export function fieldErrorsFrom(issues: readonly unknown[]): TFieldErrors {
  const errors: TFieldErrors = {};
  for (const issue of issues) {
    if (typeof issue !== "object" || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    const field = Array.isArray(path) ? path[0] : undefined;
    if ((typeof field === "string" || typeof field === "number") && typeof message === "string") {
      errors[String(field)] ??= message;
    }
  }
  return errors;
}
