// The product's SEEK partner token: cached in the AccessToken table (key "seek"), encrypted at rest, for
// the expires_in of each response, and shared by every worker and process. Renewal is single-flight in a
// process and leased across processes (a compare-and-set row, "seek:renewal-lease"), so N workers that
// all find the token stale make one request to the token endpoint, not N. See
// docs/decisions/0032-partner-token-cache.md. The token itself is never logged.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { type FetchedPartnerToken, fetchPartnerToken } from "./fetch-partner-token";
import {
  isTokenFresh,
  type PartnerTokenConfig,
  PartnerTokenError,
  type PartnerTokenSource,
  partnerTokenConfigFromEnv,
} from "./partner-token-source";

const TOKEN_KEY = "seek";
const LEASE_KEY = "seek:renewal-lease";

export type DbPartnerTokenOptions = {
  db: Db;
  /** read on each renewal, so a configuration error surfaces as a PartnerTokenError where it matters */
  config: () => PartnerTokenConfig;
  encryptionKey: () => string;
  now?: () => Date;
  /** how long a renewal may hold the lease before another process may take over (default 20 s) */
  leaseMs?: number;
  /** how often a process waiting for another's renewal looks again (default 200 ms) */
  pollMs?: number;
};

export function createPartnerTokenSource(options: DbPartnerTokenOptions): PartnerTokenSource {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 20_000;
  const pollMs = options.pollMs ?? 200;
  let memo: FetchedPartnerToken | null = null;
  let inFlight: Promise<FetchedPartnerToken> | null = null;

  async function readStored(): Promise<FetchedPartnerToken | null> {
    const row = await db.accessToken.findUnique({ where: { key: TOKEN_KEY }, omit: { tokenEnc: false } });
    if (!row) return null;
    const key = options.encryptionKey();
    try {
      const accessToken = decryptSecret(row.tokenEnc, key);
      return { accessToken, issuedAt: row.updatedAt, expiresAt: row.expiresAt };
    } catch {
      return null; // sealed under another key: as good as absent, and overwritten by the renewal
    }
  }

  // Lease times are wall-clock on purpose: they bound waiting between processes, not token validity.
  async function tryLease(owner: string): Promise<boolean> {
    await db.accessToken.deleteMany({ where: { key: LEASE_KEY, expiresAt: { lte: new Date() } } });
    const lease = { key: LEASE_KEY, tokenEnc: owner, expiresAt: new Date(Date.now() + leaseMs) };
    const { count } = await db.accessToken.createMany({ data: [lease], skipDuplicates: true });
    return count === 1;
  }

  async function store(token: FetchedPartnerToken): Promise<void> {
    const tokenEnc = encryptSecret(token.accessToken, options.encryptionKey());
    // updatedAt doubles as the issue time, which the renewal rule needs (isTokenFresh).
    const data = { tokenEnc, expiresAt: token.expiresAt, updatedAt: token.issuedAt };
    await db.accessToken.upsert({ where: { key: TOKEN_KEY }, create: { key: TOKEN_KEY, ...data }, update: data });
  }

  async function renew(): Promise<FetchedPartnerToken> {
    const owner = randomUUID();
    const giveUpAt = Date.now() + leaseMs * 2;
    for (;;) {
      const stored = await readStored();
      if (stored && isTokenFresh(stored, now())) return stored;
      if (await tryLease(owner)) {
        try {
          // Another process may have stored a token between our read and our lease.
          const again = await readStored();
          if (again && isTokenFresh(again, now())) return again;
          const fetched = await fetchPartnerToken(options.config(), now);
          await store(fetched);
          return fetched;
        } finally {
          await db.accessToken.deleteMany({ where: { key: LEASE_KEY, tokenEnc: owner } });
        }
      }
      if (Date.now() > giveUpAt) {
        throw new PartnerTokenError(
          "unavailable",
          "Timed out waiting for another worker to renew the SEEK partner token",
        );
      }
      await sleep(pollMs);
    }
  }

  return {
    async getToken() {
      if (memo && isTokenFresh(memo, now())) return memo.accessToken;
      inFlight ??= renew().finally(() => {
        inFlight = null;
      });
      memo = await inFlight;
      return memo.accessToken;
    },
    async invalidate(token) {
      if (memo?.accessToken === token) memo = null;
      const row = await db.accessToken.findUnique({ where: { key: TOKEN_KEY }, omit: { tokenEnc: false } });
      if (!row) return;
      const key = options.encryptionKey();
      let stored: string | null = null;
      try {
        stored = decryptSecret(row.tokenEnc, key);
      } catch {
        // unreadable: leave it to the next renewal
      }
      // Compare-and-delete: a token another worker has just renewed is not thrown away.
      if (stored === token) await db.accessToken.deleteMany({ where: { key: TOKEN_KEY, tokenEnc: row.tokenEnc } });
    },
  };
}

/** The product's token source: the configured database, SEEK_* credentials, SIGNALHOUSE_ENCRYPTION_KEY. */
export function partnerTokenSourceFromEnv(db: Db): PartnerTokenSource {
  return createPartnerTokenSource({
    db,
    config: partnerTokenConfigFromEnv,
    encryptionKey: () => {
      const key = env().SIGNALHOUSE_ENCRYPTION_KEY;
      if (!key)
        throw new PartnerTokenError("not_configured", "SIGNALHOUSE_ENCRYPTION_KEY must be set to cache the SEEK token");
      return key;
    },
  });
}
