// The origin people and job ads reach this app at, for links shown on pages (e.g. the apply link).
// SIGNALHOUSE_PUBLIC_URL when set (the address job ads must use), else NEXTAUTH_URL, else the request's
// own host.
import "server-only";
import { headers } from "next/headers";
import { env } from "../env";

export async function publicOrigin(): Promise<string> {
  const configured = env().SIGNALHOUSE_PUBLIC_URL ?? env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const request = await headers();
  const host = request.get("x-forwarded-host") ?? request.get("host") ?? `localhost:${env().PORT}`;
  const proto = request.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
