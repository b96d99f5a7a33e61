// Idempotency-Key: a repeat with the same key and body returns the first response and records nothing
// new; the same key with another body is 422. The record is written in the same transaction as the
// write it guards, so a crash can never leave one without the other. Concurrent repeats are serialised
// on the key (lockIdempotencyKey) before anything is read, so each later one sees the first's record.

import { createHash } from "node:crypto";
import type { DbTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import type { Prisma } from "../generated/prisma/client";

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export type StoredResponse = { status: number; body: unknown };

export function readIdempotencyKey(request: Request): string | undefined {
  const key = request.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new AppError("VALIDATION_FAILED", `Idempotency-Key must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`, [
      { path: "headers.Idempotency-Key", message: "length out of range", code: "too_big" },
    ]);
  }
  return key;
}

/** Same method, path and JSON value ⇒ same hash, whatever the key order or whitespace. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// Two-key advisory locks live apart from the single-bigint ones (ordering keys, first-admin setup), so a
// hash collision here can only make two different keys wait for each other, never deadlock with those.
const IDEMPOTENCY_LOCK_CLASS = 0x1de7;

/**
 * Holds a transaction-scoped lock on (organization, key) until commit or rollback. Taken first in the
 * transaction: under READ COMMITTED, the statements after it see whatever the previous holder committed.
 * On PGlite (one connection) transactions already run one at a time; the lock is then uncontended.
 */
export async function lockIdempotencyKey(tx: DbTx, organizationId: string, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IDEMPOTENCY_LOCK_CLASS}::int4, hashtext(${`${organizationId}\n${key}`}))`;
}

export async function findReplay(
  tx: DbTx,
  organizationId: string,
  key: string,
  fingerprint: string,
): Promise<StoredResponse | undefined> {
  const record = await tx.idempotencyRecord.findUnique({ where: { organizationId_key: { organizationId, key } } });
  return replayOf(record, fingerprint);
}

/**
 * The first answer to replay for a key's record (none: the key is new), or 422 when the key was first used
 * with another request. The partner's records (partner-idempotency.ts) follow the same rule.
 */
export function replayOf(
  record: { requestHash: string; responseStatus: number; responseBody: unknown } | null,
  fingerprint: string,
): StoredResponse | undefined {
  if (!record) return undefined;
  if (record.requestHash !== fingerprint) {
    throw new AppError(
      "IDEMPOTENCY_KEY_REUSED",
      "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
    );
  }
  return { status: record.responseStatus, body: record.responseBody };
}

export async function storeResponse(
  tx: DbTx,
  record: { organizationId: string; key: string; method: string; path: string; fingerprint: string },
  response: StoredResponse,
): Promise<void> {
  await tx.idempotencyRecord.create({
    data: {
      organizationId: record.organizationId,
      key: record.key,
      method: record.method,
      path: record.path,
      requestHash: record.fingerprint,
      responseStatus: response.status,
      responseBody: response.body as Prisma.InputJsonValue,
    },
  });
}
