// Idempotency-Key for partner writes: the same rules as lib/api/idempotency.ts (same key and body →
// the first response; another body → 422; concurrent repeats serialised on the key), in a table of the
// partner's own, since the partner is one caller whichever of its keys it uses and a provisioning write
// may belong to no organization yet.
import type { DbTx } from "../db/tx";
import type { Prisma } from "../generated/prisma/client";
import { replayOf, type StoredResponse } from "./idempotency";

// Apart from the organization keys' lock class (0x1de7), so the two namespaces never wait on each other.
const PARTNER_IDEMPOTENCY_LOCK_CLASS = 0x1de8;

export async function lockPartnerIdempotencyKey(tx: DbTx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PARTNER_IDEMPOTENCY_LOCK_CLASS}::int4, hashtext(${key}))`;
}

export async function findPartnerReplay(
  tx: DbTx,
  key: string,
  fingerprint: string,
): Promise<StoredResponse | undefined> {
  return replayOf(await tx.partnerIdempotencyRecord.findUnique({ where: { key } }), fingerprint);
}

export async function storePartnerResponse(
  tx: DbTx,
  record: { key: string; method: string; path: string; fingerprint: string },
  response: StoredResponse,
): Promise<void> {
  await tx.partnerIdempotencyRecord.create({
    data: {
      key: record.key,
      method: record.method,
      path: record.path,
      requestHash: record.fingerprint,
      responseStatus: response.status,
      responseBody: response.body as Prisma.InputJsonValue,
    },
  });
}
