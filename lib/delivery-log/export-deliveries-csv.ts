// The delivery log's CSV export: every row the filter matches, newest first, read page by page through
// the same keyset listing as the page (so a million rows stream in constant memory and never hold one
// long query open), with each row's organization name, ATS ids and what changed (read-row-context.ts). Tokens appear only as the stored prefix; error texts pass through redactForDisplay.
import type { TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { csvRow } from "./csv";
import type { TDeliveryLogFilter } from "./delivery-log-filter";
import { listResolvedDeliveries } from "./delivery-views";
import { contextOf, readRowContext } from "./read-row-context";
import { resolveLogFilter } from "./resolve-log-filter";

export const CSV_COLUMNS = [
  "id",
  "createdAt",
  "organizationId",
  "channel",
  "kind",
  "state",
  "attempts",
  "nextAttemptAt",
  "deliveredAt",
  "lastErrorCode",
  "lastError",
  "tokenPrefix",
  // Added after the original columns, so a spreadsheet built on the first twelve keeps working.
  "organizationName",
  "applicationExternalId",
  "positionExternalId",
  "candidateExternalId",
  "change",
] as const;

const PAGE = 1000;

export async function* deliveriesCsv(db: DbOrTx, scope: TScope, filter: TDeliveryLogFilter): AsyncGenerator<string> {
  const resolved = await resolveLogFilter(db, scope, filter);
  yield csvRow(CSV_COLUMNS);
  let cursor: string | undefined;
  do {
    const page = await listResolvedDeliveries(db, scope, resolved, { cursor, limit: PAGE });
    const contexts = await readRowContext(
      db,
      scope,
      page.deliveries.map((row) => row.id),
    );
    let chunk = "";
    for (const row of page.deliveries) {
      const context = contextOf(contexts, row.id);
      chunk += csvRow([
        row.id,
        row.createdAt.toISOString(),
        row.organizationId,
        row.channel,
        row.kind,
        row.state,
        row.attempts,
        row.nextAttemptAt.toISOString(),
        row.deliveredAt?.toISOString() ?? null,
        row.lastErrorCode,
        row.lastError,
        row.tokenPrefix ? `${row.tokenPrefix}…` : null,
        context.organizationName,
        context.applicationExternalId,
        context.positionExternalId,
        context.candidateExternalId,
        context.change,
      ]);
    }
    yield chunk;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
