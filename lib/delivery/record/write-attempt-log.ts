// Writes one send's attempt log: its requests, then the attempt rows that point at them, each as one
// INSERT … SELECT FROM unnest(…). Prisma's createMany compiles a 100-row insert on every call, which cost
// a worker ~30 ms per batch of CPU; the set-based statement costs ~4 ms (docs/decisions/0083).
import type { DbTx } from "../../db/tx";
import type { AttemptLog } from "../send/plan-attempts";

// Arrays of arrays do not survive unnest(); each row's error codes travel as one JSON text.
const codesColumn = (rows: { errorCodes: string[] }[]) => rows.map((row) => JSON.stringify(row.errorCodes));

export async function writeAttemptLog(tx: DbTx, log: AttemptLog): Promise<void> {
  const { requests, attempts } = log;
  if (requests.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "DeliveryRequest" (id, "requestId", channel, "workerId", "startedAt", "durationMs", "httpStatus",
                                     "errorCodes", "requestBody", "responseBody", "batchSize")
      SELECT v.id, v.request_id, v.channel, v.worker_id, v.started_at, v.duration_ms, v.http_status,
             ARRAY(SELECT jsonb_array_elements_text(v.codes::jsonb)), v.request_body, v.response_body, v.batch_size
      FROM unnest(
        ${requests.map((r) => r.id)}::text[], ${requests.map((r) => r.requestId)}::text[],
        ${requests.map((r) => r.channel)}::text[], ${requests.map((r) => r.workerId)}::text[],
        ${requests.map((r) => r.startedAt)}::timestamp(3)[], ${requests.map((r) => r.durationMs)}::int[],
        ${requests.map((r) => r.httpStatus)}::int[], ${codesColumn(requests)}::text[],
        ${requests.map((r) => r.requestBody)}::text[], ${requests.map((r) => r.responseBody)}::text[],
        ${requests.map((r) => r.batchSize)}::int[]
      ) AS v(id, request_id, channel, worker_id, started_at, duration_ms, http_status, codes, request_body,
             response_body, batch_size)`;
  }
  if (attempts.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "DeliveryAttempt" (id, "deliveryId", "requestLogId", "requestId", "workerId", "startedAt",
                                     "durationMs", "httpStatus", outcome, "errorCodes", "errorMessage", "batchSize")
      SELECT v.id, v.delivery_id, v.request_log_id, v.request_id, v.worker_id, v.started_at, v.duration_ms,
             v.http_status, v.outcome, ARRAY(SELECT jsonb_array_elements_text(v.codes::jsonb)), v.error_message,
             v.batch_size
      FROM unnest(
        ${attempts.map((a) => a.id)}::text[], ${attempts.map((a) => a.deliveryId)}::text[],
        ${attempts.map((a) => a.requestLogId)}::text[], ${attempts.map((a) => a.requestId)}::text[],
        ${attempts.map((a) => a.workerId)}::text[], ${attempts.map((a) => a.startedAt)}::timestamp(3)[],
        ${attempts.map((a) => a.durationMs)}::int[], ${attempts.map((a) => a.httpStatus)}::int[],
        ${attempts.map((a) => a.outcome)}::text[], ${codesColumn(attempts)}::text[],
        ${attempts.map((a) => a.errorMessage)}::text[], ${attempts.map((a) => a.batchSize)}::int[]
      ) AS v(id, delivery_id, request_log_id, request_id, worker_id, started_at, duration_ms, http_status, outcome,
             codes, error_message, batch_size)`;
  }
}
