// `Authorization: Bearer <api key>` → the organization the request acts for.
import { type ApiPrincipal, verifyApiKey } from "../api-keys/verify-api-key";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

export async function authenticateRequest(
  db: Db,
  request: Request,
  bootstrapKey: string | undefined,
): Promise<ApiPrincipal> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new AppError(
      "UNAUTHENTICATED",
      "Send an API key as `Authorization: Bearer <key>`. An admin creates keys in the UI.",
    );
  }
  const principal = await verifyApiKey(db, match[1], bootstrapKey);
  if (!principal) throw new AppError("UNAUTHENTICATED", "This API key is not valid or has been revoked.");
  return principal;
}
