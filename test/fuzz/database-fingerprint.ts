// One hash over every row an API request may write, to prove a refused request wrote nothing. ApiKey is
// left out: authenticating refreshes its lastUsedAt whatever the request's fate.
import type { Db } from "@/lib/db/client";

const TABLES = [
  "Organization",
  "Pipeline",
  "PipelineVersion",
  "Position",
  "SeekPositionProfile",
  "Candidate",
  "Application",
  "SeekTokenCapture",
  "Event",
  "IdempotencyRecord",
  "PartnerIdempotencyRecord",
  "CandidateHistoryItem",
  "ApplicationNote",
  "Delivery",
  "AuditLog",
  "WebhookSubscription",
  "PortalSettings",
  "PortalSession",
];

const SQL = `SELECT md5(coalesce(string_agg(row, E'\\n' ORDER BY row), '')) AS hash FROM (${TABLES.map(
  (table) => `SELECT '${table} ' || t::text AS row FROM "${table}" t`,
).join(" UNION ALL ")}) rows`;

export async function databaseFingerprint(prisma: Db): Promise<string> {
  const [result] = await prisma.$queryRawUnsafe<{ hash: string }[]>(SQL);
  return result?.hash ?? "";
}
