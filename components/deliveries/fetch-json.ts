// fetch for the admin JSON routes: the body on success; on failure an Error whose message a person can
// act on (the route's own message, or what the status means).
import type { TApiErrorBody } from "@/lib/delivery-log/admin-delivery-types";

export class FetchJsonError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, cache: "no-store", headers: { accept: "application/json" } });
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as TApiErrorBody | null;
  if (response.status === 401) throw new FetchJsonError(401, "Your session has ended. Sign in again to keep watching.");
  throw new FetchJsonError(response.status, body?.error?.message ?? `The server answered ${response.status}.`);
}
