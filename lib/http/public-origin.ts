// The origin people and job ads reach this app at, for links shown on pages (e.g. the apply link).
// NEXTAUTH_URL, when set, is the configured public address; otherwise the request's own host.
import "server-only";
import { headers } from "next/headers";
import { env } from "../env";

export async function publicOrigin(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const request = await headers();
  const host = request.get("x-forwarded-host") ?? request.get("host") ?? `localhost:${env().PORT}`;
  const proto = request.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
