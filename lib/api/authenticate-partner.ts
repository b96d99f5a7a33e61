// `Authorization: Bearer <partner key>` → the partner. An organization's key is recognised and refused
// with 403 (it is valid, but acts for one organization only), anything else is 401.
import { verifyApiKey } from "../api-keys/verify-api-key";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { type PartnerPrincipal, verifyPartnerKey } from "../partner-keys/verify-partner-key";
import { readBearerKey } from "./authenticate-request";

export async function authenticatePartner(
  db: Db,
  request: Request,
  keys: { partnerKey: string | undefined; bootstrapKey: string | undefined },
): Promise<PartnerPrincipal> {
  const raw = readBearerKey(request);
  const partner = await verifyPartnerKey(db, raw, keys.partnerKey);
  if (partner) return partner;
  if (await verifyApiKey(db, raw, keys.bootstrapKey)) {
    throw new AppError(
      "FORBIDDEN",
      "This is an organization's key: only a partner key may provision organizations. An admin creates " +
        "partner keys in the UI (API keys page), or the server sets SIGNALHOUSE_PARTNER_API_KEY.",
    );
  }
  throw new AppError("UNAUTHENTICATED", "This API key is not valid or has been revoked.");
}
