// The origin for links an API response carries (a position's applyLink). Same rule as the pages'
// publicOrigin (lib/http/public-origin.ts) — SIGNALHOUSE_PUBLIC_URL, else NEXTAUTH_URL, else the request's
// own host, X-Forwarded-* believed only from a trusted proxy — but a pure function of the configuration and
// the Request, so route handlers and tests need no next/headers (docs/decisions/0142).
import type { TEnv } from "../env";
import { PEER_ADDRESS_HEADER } from "./peer-address";
import { requestOrigin } from "./request-origin";

type TOriginConfig = Pick<TEnv, "SIGNALHOUSE_PUBLIC_URL" | "NEXTAUTH_URL" | "SIGNALHOUSE_TRUSTED_PROXIES" | "PORT">;

export function apiPublicOrigin(config: TOriginConfig, request: Request): string {
  const configured = config.SIGNALHOUSE_PUBLIC_URL ?? config.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const headers = request.headers;
  return requestOrigin({
    peer: headers.get(PEER_ADDRESS_HEADER),
    host: headers.get("host") ?? new URL(request.url).host,
    forwardedHost: headers.get("x-forwarded-host"),
    forwardedProto: headers.get("x-forwarded-proto"),
    trusted: config.SIGNALHOUSE_TRUSTED_PROXIES,
    fallbackHost: `localhost:${config.PORT}`,
  });
}
