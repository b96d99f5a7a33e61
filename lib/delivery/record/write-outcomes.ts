// What one send did, written as ONE statement: each row's state transition (guarded by the claim it was
// sent under), each HTTP request once, and one attempt row per delivery per request, for the rows still
// held only. Data-modifying CTEs run together and commit together, so the statement is as atomic as the
// transaction of four statements it replaced, at one round trip instead of six (BEGIN … COMMIT), and
// without Prisma's interactive-transaction machinery, which was the largest cost of recording a batch
// in the worker's CPU profile (docs/decisions/0160). It also wakes the other workers at commit when a
// row left the queue that an ordering key's next row was waiting behind.
//
// Arrays of arrays do not survive unnest(): each row's error codes travel as one JSON text.
import { Prisma } from "../../generated/prisma/client";
import { WAKE_CHANNEL } from "../run/wake-channel";
import type { AttemptLog } from "../send/plan-attempts";
import { DB_NOW, type DbClient } from "../sql";
import type { Transition } from "./plan-transition";

const codesColumn = (rows: { errorCodes: string[] }[]) => rows.map((row) => JSON.stringify(row.errorCodes));

export type WrittenRow = { id: string; orderingKey: string | null; woke: number };

/**
 * `planned` holds one transition per row of the batch with the attempt count it was claimed at;
 * `log` is the attempt log planned as if every row were still held (planAttempts): the statement keeps
 * only the attempts of the rows it could update, and only the requests that carried one of them.
 */
export async function writeOutcomes(
  db: DbClient,
  input: { workerId: string; planned: (Transition & { claimAttempts: number })[]; log: AttemptLog },
): Promise<WrittenRow[]> {
  const { workerId, planned, log } = input;
  if (planned.length === 0) return [];
  const { requests, attempts } = log;
  return db.$queryRaw<WrittenRow[]>(Prisma.sql`
    WITH kept AS (
      UPDATE "Delivery" AS t
      SET state = v.state::"DeliveryState", "nextAttemptAt" = COALESCE(v.next_at, t."nextAttemptAt"),
          "lastError" = v.last_error, "lastErrorCode" = v.last_error_code, "deliveredAt" = v.delivered_at,
          "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${DB_NOW}
      FROM unnest(
        ${planned.map((p) => p.id)}::text[], ${planned.map((p) => p.state)}::text[],
        ${planned.map((p) => p.nextAttemptAt)}::timestamp(3)[], ${planned.map((p) => p.lastError)}::text[],
        ${planned.map((p) => p.lastErrorCode)}::text[], ${planned.map((p) => p.deliveredAt)}::timestamp(3)[],
        ${planned.map((p) => p.claimAttempts)}::int[]
      ) AS v(id, state, next_at, last_error, last_error_code, delivered_at, claim_attempts)
      WHERE t.id = v.id AND t."leaseOwner" = ${workerId} AND t.state = 'in_flight'
        AND t.attempts = v.claim_attempts
      RETURNING t.id, t."orderingKey", t.state
    ),
    attempt AS (
      SELECT a.* FROM unnest(
        ${attempts.map((a) => a.id)}::text[], ${attempts.map((a) => a.deliveryId)}::text[],
        ${attempts.map((a) => a.requestLogId)}::text[], ${attempts.map((a) => a.requestId)}::text[],
        ${attempts.map((a) => a.workerId)}::text[], ${attempts.map((a) => a.startedAt)}::timestamp(3)[],
        ${attempts.map((a) => a.durationMs)}::int[], ${attempts.map((a) => a.httpStatus)}::int[],
        ${attempts.map((a) => a.outcome)}::text[], ${codesColumn(attempts)}::text[],
        ${attempts.map((a) => a.errorMessage)}::text[], ${attempts.map((a) => a.batchSize)}::int[]
      ) AS a(id, delivery_id, request_log_id, request_id, worker_id, started_at, duration_ms, http_status, outcome,
             codes, error_message, batch_size)
      WHERE a.delivery_id IN (SELECT id FROM kept)
    ),
    request AS (
      INSERT INTO "DeliveryRequest" (id, "requestId", channel, "workerId", "startedAt", "durationMs", "httpStatus",
                                     "errorCodes", "requestBody", "responseBody", "batchSize")
      SELECT r.id, r.request_id, r.channel, r.worker_id, r.started_at, r.duration_ms, r.http_status,
             ARRAY(SELECT jsonb_array_elements_text(r.codes::jsonb)), r.request_body, r.response_body, r.batch_size
      FROM unnest(
        ${requests.map((r) => r.id)}::text[], ${requests.map((r) => r.requestId)}::text[],
        ${requests.map((r) => r.channel)}::text[], ${requests.map((r) => r.workerId)}::text[],
        ${requests.map((r) => r.startedAt)}::timestamp(3)[], ${requests.map((r) => r.durationMs)}::int[],
        ${requests.map((r) => r.httpStatus)}::int[], ${codesColumn(requests)}::text[],
        ${requests.map((r) => r.requestBody)}::text[], ${requests.map((r) => r.responseBody)}::text[],
        ${requests.map((r) => r.batchSize)}::int[]
      ) AS r(id, request_id, channel, worker_id, started_at, duration_ms, http_status, codes, request_body,
             response_body, batch_size)
      WHERE r.id IN (SELECT request_log_id FROM attempt)
      RETURNING 1
    ),
    logged AS (
      INSERT INTO "DeliveryAttempt" (id, "deliveryId", "requestLogId", "requestId", "workerId", "startedAt",
                                     "durationMs", "httpStatus", outcome, "errorCodes", "errorMessage", "batchSize")
      SELECT a.id, a.delivery_id, a.request_log_id, a.request_id, a.worker_id, a.started_at, a.duration_ms,
             a.http_status, a.outcome, ARRAY(SELECT jsonb_array_elements_text(a.codes::jsonb)), a.error_message,
             a.batch_size
      FROM attempt a
      RETURNING 1
    ),
    wake AS (
      SELECT pg_notify(${WAKE_CHANNEL}, '') FROM kept
      WHERE kept."orderingKey" IS NOT NULL AND kept.state <> 'pending' LIMIT 1
    )
    -- request and logged run whether read or not (they modify data); wake is a query and runs when read.
    SELECT kept.id, kept."orderingKey", (SELECT count(*) FROM wake)::int AS woke FROM kept`);
}
