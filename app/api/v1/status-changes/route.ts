// POST /api/v1/status-changes — up to 1,000 application or position status changes, each recorded as if
// sent alone; 202 `{ results: [{ index, id, deliveries } | { index, error }] }`

import { z } from "zod";
import { v1Write } from "@/lib/api/v1-route";
import { applyStatusChanges } from "@/lib/status-changes/apply-status-changes";
import { ZBulkStatusChanges } from "@/lib/status-changes/bulk-status-changes-input";

export const POST = v1Write({
  params: z.object({}).strict(),
  body: ZBulkStatusChanges,
  // 1,000 changes are 1,000 single writes in one transaction: far more than a single write's 15 s budget
  // on a loaded machine (docs/decisions/0145 measures it).
  transactionTimeoutMs: 300_000,
  write: ({ tx, principal, actor, body, now }) =>
    applyStatusChanges(tx, { organizationId: principal.organizationId, actor, changes: body.changes }, now),
});
