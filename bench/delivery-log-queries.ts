// The dashboard's delivery-log listing at scale: seeds a large outbox history (several organizations,
// three channels, mostly delivered with a scattering of failures, the newest rows pending) and times
// the listing as the product issues it (keyset on seq, newest first, page of 50 + 1), with and without
// state/channel/kind/application/token-prefix/created-to filters (docs/decisions/0105), plus the per-state counts the admin page shows beside it. Figures only.
import { randomBytes } from "node:crypto";
import type pg from "pg";

export type LogQueryResult = {
  rows: number;
  organizations: number;
  seedSeconds: number;
  tableMb: number;
  repeats: number;
  queries: { label: string; rows: number; medianMs: number; maxMs: number; plan: string }[];
};

const COLUMNS = `id, seq, "organizationId", channel, kind, state, attempts, "nextAttemptAt", "lastError", "lastErrorCode",
  "tokenPrefix", "occurredAt", "createdAt", "deliveredAt"`;

async function seedHistory(client: pg.Client, rows: number, organizations: string[]): Promise<void> {
  // r1 picks the channel, r2 the state; 40% of rows belong to the first (large) organization.
  await client.query(
    `WITH now_utc AS (SELECT (now() AT TIME ZONE 'UTC') AS t)
     INSERT INTO "Delivery" (id, "organizationId", channel, kind, destination, payload, state, attempts, "nextAttemptAt",
                             "lastError", "lastErrorCode", "occurredAt", "createdAt", "updatedAt", "deliveredAt",
                             "tokenPrefix", "applicationId")
     SELECT 'log_' || $3 || '_' || i, ($2::text[])[CASE WHEN i % 10 < 4 THEN 1 ELSE 2 + i % (cardinality($2::text[]) - 1) END],
            c.channel, c.kind, CASE WHEN c.channel = 'linkedin-note' THEN 'linkedin:org' ELSE 'seek' END,
            '{"typeCode":"ApplicationStatusUpdate","token":"benchPublicTest-0123456789abcdef0123456789abcdef"}'::jsonb,
            s.state::"DeliveryState", CASE WHEN s.state = 'delivered' THEN 1 ELSE 3 END, at.t,
            CASE WHEN s.state IN ('failed', 'dead') THEN 'BAD_USER_INPUT: /input/token: Is not valid' END,
            CASE WHEN s.state IN ('failed', 'dead') THEN 'BAD_USER_INPUT' END,
            at.t, at.t, at.t, CASE WHEN s.state = 'delivered' THEN at.t + interval '2 seconds' END, substr(md5(i::text), 1, 8),
            'app' || (i % 20000)
     FROM generate_series(1, $1::int) AS i, now_utc,
          LATERAL (SELECT (hashint4(i) & 2147483647) % 1000 AS r1, (hashint8(i::bigint * 7919) & 2147483647) % 1000 AS r2) AS r,
          LATERAL (SELECT now_utc.t - make_interval(secs => ($1 - i) * 2.5) AS t) AS at,
          LATERAL (SELECT CASE WHEN r.r1 < 700 THEN 'seek-signal' WHEN r.r1 < 900 THEN 'seek-history' ELSE 'linkedin-note' END AS channel,
                          CASE WHEN r.r1 < 700 THEN 'ApplicationStatusUpdate' WHEN r.r1 < 900 THEN 'HistoryCreate' ELSE 'NoteUpsert' END AS kind) AS c,
          LATERAL (SELECT CASE WHEN i > $1 * 0.998 THEN 'pending'
                               WHEN r.r2 < 960 THEN 'delivered' WHEN r.r2 < 975 THEN 'failed' WHEN r.r2 < 980 THEN 'dead'
                               WHEN r.r2 < 990 THEN 'expired' ELSE 'cancelled' END AS state) AS s`,
    [rows, organizations, randomBytes(3).toString("hex")],
  );
  await client.query(`VACUUM ANALYZE "Delivery"`);
}

type PlanNode = { "Node Type": string; "Index Name"?: string; Plans?: PlanNode[] };

function describePlan(node: PlanNode): string {
  const scans: string[] = [];
  const walk = (n: PlanNode) => {
    if (/Scan/.test(n["Node Type"]))
      scans.push(n["Index Name"] ? `${n["Node Type"]} ${n["Index Name"]}` : n["Node Type"]);
    for (const child of n.Plans ?? []) walk(child);
  };
  walk(node);
  return scans.join(" + ");
}

async function timeQuery(client: pg.Client, label: string, sql: string, params: unknown[], repeats: number) {
  await client.query(sql, params); // warm
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    const result = await client.query(sql, params);
    times.push(performance.now() - started);
    rows = result.rowCount ?? 0;
  }
  const { rows: explained } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
    `EXPLAIN (FORMAT JSON) ${sql}`,
    params,
  );
  times.sort((a, b) => a - b);
  return {
    label,
    rows,
    medianMs: times[Math.floor(times.length / 2)]!,
    maxMs: times.at(-1)!,
    plan: describePlan(explained[0]!["QUERY PLAN"][0].Plan),
  };
}

export async function measureLogQueries(client: pg.Client, rows: number, repeats = 5): Promise<LogQueryResult> {
  const organizations: string[] = [];
  for (let i = 0; i < 20; i++) {
    const id = `bench_org_log_${i}_${randomBytes(3).toString("hex")}`;
    await client.query(
      `INSERT INTO "Organization" (id, slug, name, "updatedAt") VALUES ($1, $1, $1, now() AT TIME ZONE 'UTC')`,
      [id],
    );
    organizations.push(id);
  }
  const started = performance.now();
  await seedHistory(client, rows, organizations);
  const seedSeconds = (performance.now() - started) / 1000;
  const { rows: size } = await client.query<{ bytes: string; mid: string; old: string }>(
    `SELECT pg_total_relation_size('"Delivery"') AS bytes,
            (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY seq) FROM "Delivery") AS mid,
            (SELECT percentile_disc(0.05) WITHIN GROUP (ORDER BY seq) FROM "Delivery") AS old`,
  );
  const mid = size[0]!.mid;
  const old = size[0]!.old;
  const { rows: oldest } = await client.query<{ at: string }>(
    `SELECT to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at FROM "Delivery" WHERE seq = $1`,
    [old],
  );
  const oldCreatedAt = oldest[0]?.at ?? "1970-01-01T00:00:00";
  const big = organizations[0]!;
  const small = organizations[5]!;
  const page = (where: string) => `SELECT ${COLUMNS} FROM "Delivery" ${where} ORDER BY seq DESC LIMIT 51`;
  const counts = (where: string) => `SELECT state, count(*) FROM "Delivery" ${where} GROUP BY state`;
  const specs: [string, string, unknown[]][] = [
    ["all, first page", page(""), []],
    ["all, page at the middle (cursor)", page("WHERE seq < $1"), [mid]],
    ["state=failed", page('WHERE state = $1::"DeliveryState"'), ["failed"]],
    [
      "state=failed, cursor near the oldest 5%",
      page('WHERE state = $1::"DeliveryState" AND seq < $2'),
      ["failed", old],
    ],
    ["channel=linkedin-note", page("WHERE channel = $1"), ["linkedin-note"]],
    [
      "state=dead + channel=linkedin-note",
      page('WHERE state = $1::"DeliveryState" AND channel = $2'),
      ["dead", "linkedin-note"],
    ],
    ["state=pending", page('WHERE state = $1::"DeliveryState"'), ["pending"]],
    ["org (40% of rows), first page", page(`WHERE "organizationId" = $1`), [big]],
    [
      "org (3% of rows) + state=failed",
      page(`WHERE "organizationId" = $1 AND state = $2::"DeliveryState"`),
      [small, "failed"],
    ],
    ["kind=HistoryCreate", page("WHERE kind = $1"), ["HistoryCreate"]],
    ["one application (50 rows)", page(`WHERE "applicationId" = $1`), ["app42"]],
    ["token prefix, 8 characters", page(`WHERE "tokenPrefix" COLLATE "C" = $1`), ["c4ca4238"]],
    [
      "token prefix, 5 characters",
      page(`WHERE "tokenPrefix" COLLATE "C" >= $1 AND "tokenPrefix" COLLATE "C" < $2`),
      ["c4ca4", "c4ca5"],
    ],
    ["created to = 90% back (walks newer rows)", page(`WHERE "createdAt" <= $1::timestamp`), [oldCreatedAt]],
    ["counts by state, all", counts(""), []],
    ["counts by state, channel=linkedin-note", counts("WHERE channel = $1"), ["linkedin-note"]],
  ];
  const queries = [];
  for (const [label, sql, params] of specs) queries.push(await timeQuery(client, label, sql, params, repeats));
  return {
    rows,
    organizations: organizations.length,
    seedSeconds,
    tableMb: Number(size[0]!.bytes) / 1024 ** 2,
    repeats,
    queries,
  };
}
