// Pages answer a NOT_FOUND from the data layer with the 404 page: another organization's record and a
// record that does not exist look the same (docs/decisions/0010-tenancy-scoping.md). So does an id or
// slug from the URL that PostgreSQL refuses to compare (?org=%00): it cannot name anything stored.
import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "../errors/app-error";
import { databaseInputError } from "../validation/database-input-error";

export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if ((isAppError(error) && error.code === "NOT_FOUND") || databaseInputError(error)) notFound();
    throw error;
  }
}

/** A single query-string value (`?org=a&org=b` → "a"); anything else → undefined. */
export function oneParam(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first : undefined;
}
