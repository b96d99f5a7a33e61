// A partner token cache in memory: one process, one token, one request in flight at a time. For tests
// and tools; the product uses the database-backed cache (partner-token.ts) so workers share one token.
import { type FetchedPartnerToken, fetchPartnerToken } from "./fetch-partner-token";
import { isTokenFresh, type PartnerTokenConfig, type PartnerTokenSource } from "./partner-token-source";

export function createMemoryPartnerTokenSource(
  config: PartnerTokenConfig,
  now: () => Date = () => new Date(),
): PartnerTokenSource {
  let cached: FetchedPartnerToken | null = null;
  let inFlight: Promise<FetchedPartnerToken> | null = null;

  return {
    async getToken() {
      if (cached && isTokenFresh(cached, now())) return cached.accessToken;
      inFlight ??= fetchPartnerToken(config, now).finally(() => {
        inFlight = null;
      });
      cached = await inFlight;
      return cached.accessToken;
    },
    async invalidate(token) {
      if (cached?.accessToken === token) cached = null;
    },
  };
}
