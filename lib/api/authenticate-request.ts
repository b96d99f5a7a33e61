// `Authorization: Bearer <api key>` → the organization the request acts for.
import { type ApiPrincipal, verifyApiKey } from "../api-keys/verify-api-key";
import type { Db } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors/app-error";
import { verifyPartnerKey } from "../partner-keys/verify-partner-key";

/** The raw key of `Authorization: Bearer <key>`, or 401 saying how to send one. */
export function readBearerKey(request: Request): string {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new AppError(
      "UNAUTHENTICATED",
      "Send an API key as `Authorization: Bearer <key>`. An admin creates keys in the UI.",
    );
  }
  return match[1];
}

export async function authenticateRequest(
  db: Db,
  request: Request,
  bootstrapKey: string | undefined,
): Promise<ApiPrincipal> {
  const raw = readBearerKey(request);
  const principal = await verifyApiKey(db, raw, bootstrapKey);
  if (principal) return principal;
  // A valid partner key is known but acts for no organization: say so, rather than "not valid"
  // (docs/decisions/0140-partner-keys.md).
  if (await verifyPartnerKey(db, raw, env().SIGNALHOUSE_PARTNER_API_KEY)) {
    throw new AppError(
      "FORBIDDEN",
      "This is a partner key: it provisions organizations but acts for none. Call this route with an " +
        "organization's key (POST /api/v1/organizations/{slug}/api-keys creates one).",
    );
  }
  throw new AppError("UNAUTHENTICATED", "This API key is not valid or has been revoked.");
}
