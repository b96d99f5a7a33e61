// The origin people and job ads reach this app at, for links shown on pages (e.g. the apply link).
// SIGNALHOUSE_PUBLIC_URL when set (the address job ads must use), else NEXTAUTH_URL, else the request's
// own Host. X-Forwarded-Host and -Proto are believed only when the TCP peer is a configured trusted proxy
// (SIGNALHOUSE_TRUSTED_PROXIES): otherwise any client could make a page show links to a host of its
// choosing (docs/decisions/0124).
import "server-only";
import { headers } from "next/headers";
import { env } from "../env";
import { PEER_ADDRESS_HEADER } from "./peer-address";
import { requestOrigin } from "./request-origin";

export async function publicOrigin(): Promise<string> {
  const config = env();
  const configured = config.SIGNALHOUSE_PUBLIC_URL ?? config.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const request = await headers();
  return requestOrigin({
    peer: request.get(PEER_ADDRESS_HEADER),
    host: request.get("host"),
    forwardedHost: request.get("x-forwarded-host"),
    forwardedProto: request.get("x-forwarded-proto"),
    trusted: config.SIGNALHOUSE_TRUSTED_PROXIES,
    fallbackHost: `localhost:${config.PORT}`,
  });
}
