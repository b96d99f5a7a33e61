// What the SEEK client needs from a partner token cache, whatever backs it (the database for the
// product, memory for tests), and the one rule for when a cached token must be renewed.
import { env } from "@/lib/env";

export interface PartnerTokenSource {
  /**
   * A live partner token: the cached one, or a new one when none is cached or it is about to expire.
   * Throws PartnerTokenError. Bounded by the token request's own timeout, not by a caller's signal:
   * the renewal is shared by every caller waiting for it.
   */
  getToken(): Promise<string>;
  /** SEEK answered UNAUTHENTICATED for `token`: forget it, unless it has already been replaced. */
  invalidate(token: string): Promise<void>;
}

export type PartnerTokenConfig = {
  tokenUrl: string;
  audience: string;
  clientId: string;
  clientSecret: string;
  /** per token request; default 10 s */
  timeoutMs?: number;
};

export type PartnerTokenErrorKind = "not_configured" | "rejected" | "unavailable";

/** The token endpoint could not give us a token. Never carries the secret or the token. */
export class PartnerTokenError extends Error {
  constructor(
    readonly kind: PartnerTokenErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "PartnerTokenError";
  }
}

export function partnerTokenConfigFromEnv(): PartnerTokenConfig {
  const { SEEK_TOKEN_URL, SEEK_TOKEN_AUDIENCE, SEEK_CLIENT_ID, SEEK_CLIENT_SECRET } = env();
  if (!SEEK_CLIENT_ID || !SEEK_CLIENT_SECRET) {
    throw new PartnerTokenError("not_configured", "SEEK_CLIENT_ID and SEEK_CLIENT_SECRET must be set to call SEEK");
  }
  return {
    tokenUrl: SEEK_TOKEN_URL,
    audience: SEEK_TOKEN_AUDIENCE,
    clientId: SEEK_CLIENT_ID,
    clientSecret: SEEK_CLIENT_SECRET,
  };
}

const RENEW_EARLY_MS = 60_000;

/**
 * Renew a minute before expiry, as SEEK advises; for a token issued with less than two minutes to live,
 * at half its life instead, so a short-lived token is still used rather than renewed on every call.
 */
export function isTokenFresh(token: { issuedAt: Date; expiresAt: Date }, now: Date): boolean {
  const lifetime = token.expiresAt.getTime() - token.issuedAt.getTime();
  const early = Math.min(RENEW_EARLY_MS, lifetime / 2);
  return now.getTime() < token.expiresAt.getTime() - early;
}
