// Routes either kind of key may call (PUT/GET/DELETE /api/v1/webhooks): an organization's key acts for
// its organization through the v1 pipeline, a partner key for the partner through the partner pipeline.
// Which one is decided by the key alone; each pipeline then authenticates, validates and keeps its own
// Idempotency-Key records exactly as for its other routes.
import { db } from "../db/client";
import { env } from "../env";
import { verifyPartnerKey } from "../partner-keys/verify-partner-key";
import { readBearerKey } from "./authenticate-request";
import { errorResponse } from "./error-response";
import type { RouteContext, V1Handler } from "./v1-route";

export function organizationOrPartner(handlers: { organization: V1Handler; partner: V1Handler }): V1Handler {
  const handler = async (request: Request, context: RouteContext): Promise<Response> => {
    let isPartner: boolean;
    try {
      isPartner = (await verifyPartnerKey(db(), readBearerKey(request), env().SIGNALHOUSE_PARTNER_API_KEY)) !== null;
    } catch (error) {
      return errorResponse(error);
    }
    return (isPartner ? handlers.partner : handlers.organization)(request, context);
  };
  const { v1 } = handlers.organization;
  return Object.assign(handler, { v1: { ...v1, doc: v1.doc && { ...v1.doc, eitherKey: true } } });
}
