// Each organization's LinkedIn access token (client credentials of its customer application), cached in
// the AccessToken table under "linkedin:<organizationId>", sealed with SIGNALHOUSE_ENCRYPTION_KEY, for
// the expires_in of each response and renewed a minute early. Every worker and process reads the same
// row; within a process one renewal per organization is in flight at a time. The sealed value also
// names the client id, so a token of replaced credentials is never used. Tokens are never logged.
import { decryptSecret, encryptSecret } from "../crypto/secret-box";
import type { Db } from "../db/client";
import type { LinkedinCredentials } from "./credentials";
import { type FetchedAccessToken, fetchAccessToken } from "./fetch-access-token";

export type LinkedinAccessTokens = {
  /** a live token for the organization's credentials: cached, or fetched now. Throws LinkedinTokenError. */
  get(credentials: LinkedinCredentials, now: Date): Promise<string>;
  /** LinkedIn refused `token` (401): forget it, unless another worker has already replaced it */
  invalidate(credentials: LinkedinCredentials, token: string): Promise<void>;
};

export type AccessTokenOptions = {
  db: Db;
  /** read on each renewal: the token URL and the key that seals tokens at rest */
  settings: () => { tokenUrl: string; encryptionKey: string | undefined };
  timeoutMs?: number;
};

type CachedToken = FetchedAccessToken & { clientId: string };

const RENEW_EARLY_MS = 60_000;

export function accessTokenKey(organizationId: string): string {
  return `linkedin:${organizationId}`;
}

/** Renew a minute before expiry; a token issued for less than two minutes, at half its life. */
export function isTokenFresh(token: { issuedAt: Date; expiresAt: Date }, now: Date): boolean {
  const lifetime = token.expiresAt.getTime() - token.issuedAt.getTime();
  return now.getTime() < token.expiresAt.getTime() - Math.min(RENEW_EARLY_MS, lifetime / 2);
}

export function createLinkedinAccessTokens(options: AccessTokenOptions): LinkedinAccessTokens {
  const { db } = options;
  const memo = new Map<string, CachedToken>();
  const renewals = new Map<string, Promise<CachedToken>>();

  function sealingKey(): string {
    const key = options.settings().encryptionKey;
    if (!key) throw new Error("SIGNALHOUSE_ENCRYPTION_KEY is not set");
    return key;
  }

  async function readStored(key: string): Promise<{ token: CachedToken; tokenEnc: string } | null> {
    const row = await db.accessToken.findUnique({ where: { key }, omit: { tokenEnc: false } });
    if (!row) return null;
    try {
      const sealed = JSON.parse(decryptSecret(row.tokenEnc, sealingKey())) as {
        clientId: string;
        accessToken: string;
        issuedAt: string;
      };
      const token = { ...sealed, issuedAt: new Date(sealed.issuedAt), expiresAt: row.expiresAt };
      return { token, tokenEnc: row.tokenEnc };
    } catch {
      return null; // sealed under another key or in another shape: as good as absent, overwritten on renewal
    }
  }

  async function renew(credentials: LinkedinCredentials, now: Date): Promise<CachedToken> {
    const key = accessTokenKey(credentials.organizationId);
    const stored = await readStored(key);
    if (stored && stored.token.clientId === credentials.clientId && isTokenFresh(stored.token, now))
      return stored.token;
    const fetched = await fetchAccessToken(options.settings().tokenUrl, credentials, now, options.timeoutMs);
    const token: CachedToken = { ...fetched, clientId: credentials.clientId };
    const tokenEnc = encryptSecret(
      JSON.stringify({
        clientId: token.clientId,
        accessToken: token.accessToken,
        issuedAt: token.issuedAt.toISOString(),
      }),
      sealingKey(),
    );
    await db.accessToken.upsert({
      where: { key },
      create: { key, tokenEnc, expiresAt: token.expiresAt },
      update: { tokenEnc, expiresAt: token.expiresAt },
    });
    return token;
  }

  return {
    async get(credentials, now) {
      const key = accessTokenKey(credentials.organizationId);
      const cached = memo.get(key);
      if (cached && cached.clientId === credentials.clientId && isTokenFresh(cached, now)) return cached.accessToken;
      const flight = `${key}|${credentials.clientId}`;
      let renewal = renewals.get(flight);
      if (!renewal) {
        renewal = renew(credentials, now).finally(() => renewals.delete(flight));
        renewals.set(flight, renewal);
      }
      const token = await renewal;
      memo.set(key, token);
      return token.accessToken;
    },
    async invalidate(credentials, token) {
      const key = accessTokenKey(credentials.organizationId);
      if (memo.get(key)?.accessToken === token) memo.delete(key);
      const stored = await readStored(key);
      // Compare-and-delete: a token another worker has just renewed is not thrown away.
      if (stored?.token.accessToken === token) {
        await db.accessToken.deleteMany({ where: { key, tokenEnc: stored.tokenEnc } });
      }
    },
  };
}
