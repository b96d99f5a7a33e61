// The one wrapper every server action body runs in: it turns expected failures into a TActionState the
// form shows, lets Next's own control flow (redirect, notFound) through, and answers anything
// unexpected with a generic message after logging it (never the internal error text).
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { isAppError } from "../errors/app-error";
import { databaseInputError } from "../validation/database-input-error";
import { fieldErrorsFrom, type TActionState } from "./action-state";

export async function runAction<T>(body: () => Promise<{ message: string; data: T }>): Promise<TActionState<T>> {
  try {
    const { message, data } = await body();
    return { status: "ok", message, data };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ZodError) {
      return {
        status: "error",
        code: "BAD_REQUEST",
        message: "Please correct the highlighted fields.",
        fieldErrors: fieldErrorsFrom(error.issues),
      };
    }
    // PostgreSQL refusing a value the form sent (U+0000, too long) is the person's to fix, so it is said.
    const refused = isAppError(error) ? error : databaseInputError(error);
    if (refused) {
      return {
        status: "error",
        code: refused.code,
        message: refused.message,
        fieldErrors: fieldErrorsFrom(refused.issues),
      };
    }
    console.error("[signalhouse] server action failed", error);
    return { status: "error", code: "INTERNAL", message: "Something went wrong. Please try again.", fieldErrors: {} };
  }
}

/** FormData as a plain object for zod (files are not expected in any form here). */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of formData) {
    if (typeof value === "string" && !name.startsWith("$ACTION")) fields[name] = value;
  }
  return fields;
}
