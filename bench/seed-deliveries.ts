// Seeds N pending seek-signal deliveries in one INSERT … SELECT generate_series: each row a complete
// SendSignalInput as the product builds it (applicationStatusSignal), with its own seek-token, so the
// mock validates and accepts every one exactly as it would a real status change.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { TPipelineDefinition } from "../lib/pipelines/pipeline-definition";
import { applicationStatusSignal } from "../lib/signals/build-signal";

/** A realistic application pipeline (phases, a final success and a final failure). */
export const BENCH_PIPELINE: TPipelineDefinition = {
  name: "Standard hiring",
  kind: "application",
  phases: [
    { key: "screen", label: "Screening" },
    { key: "interview", label: "Interviewing" },
    { key: "hired", label: "Hired" },
  ],
  statuses: [
    { key: "new", label: "New", phase: "screen", success: null },
    { key: "phone-screen", label: "Phone screen", phase: "screen", success: null },
    { key: "first-interview", label: "First interview", phase: "interview", success: null },
    { key: "second-interview", label: "Second interview", phase: "interview", success: null },
    { key: "declined", label: "Not progressing", phase: "interview", success: false },
    { key: "placed", label: "Placed", phase: "hired", success: true },
  ],
};

export const BENCH_POSITION_PROFILE_ID = "seekAnzPublicTest:positionProfile:jobAd:27cuZeA47";

export function payloadTemplate(): object {
  const at = new Date();
  return applicationStatusSignal(
    { kind: "link-out", token: "replaced-per-row", positionProfileIds: [BENCH_POSITION_PROFILE_ID] },
    { pipeline: BENCH_PIPELINE, statusKey: "first-interview", occurredAt: at },
    { pipeline: BENCH_PIPELINE, statusKey: "phone-screen", occurredAt: new Date(at.getTime() - 86_400_000) },
  );
}

/** Inserts `count` due, pending rows; returns how long the insert took (ms). */
export async function seedDeliveries(client: pg.Client, organizationId: string, count: number): Promise<number> {
  const tag = randomBytes(4).toString("hex");
  const started = performance.now();
  await client.query(
    `WITH now_utc AS (SELECT (now() AT TIME ZONE 'UTC') AS t)
     INSERT INTO "Delivery" (id, "organizationId", channel, kind, destination, payload, state, "nextAttemptAt",
                             "occurredAt", "createdAt", "updatedAt", "expiresAt", "tokenPrefix")
     SELECT 'bench_' || $2 || '_' || lpad(i::text, 8, '0'), $1, 'seek-signal', 'ApplicationStatusUpdate', 'seek',
            jsonb_set($3::jsonb, '{token}', to_jsonb(r.token)), 'pending', now_utc.t - interval '1 second',
            now_utc.t - make_interval(secs => ($4 - i) / 1000.0), now_utc.t, now_utc.t,
            now_utc.t + interval '170 days', left(r.token, 8)
     FROM generate_series(1, $4::int) AS i, now_utc,
          LATERAL (SELECT 'benchPublicTest-' || md5($2 || i::text) AS token) AS r`,
    [organizationId, tag, JSON.stringify(payloadTemplate()), count],
  );
  await client.query(`ANALYZE "Delivery"`);
  return performance.now() - started;
}

/** Empties the outbox and its attempt log between drains (and resets destination health). */
export async function emptyOutbox(client: pg.Client): Promise<void> {
  await client.query(
    `TRUNCATE "DeliveryAttempt", "DeliveryRequest", "Delivery", "DestinationState", "RateWindow", "WorkerHeartbeat"`,
  );
  await client.query(`VACUUM ANALYZE "Delivery"`);
}
