// POST /api/v1/status-changes — up to 1,000 application or position status changes, each recorded as if
// sent alone; 202 `{ results: [{ index, id, deliveries } | { index, error }] }`

import { z } from "zod";
import { v1Write } from "@/lib/api/v1-route";
import { ZDeliveryStub } from "@/lib/openapi/common-responses";
import { applyStatusChanges } from "@/lib/status-changes/apply-status-changes";
import { ZBulkStatusChanges } from "@/lib/status-changes/bulk-status-changes-input";

/** The answer, for the OpenAPI document: one result per change, in request order. */
const ZBulkStatusChangeResults = z.object({
  results: z.array(
    z.union([
      z.object({ index: z.number().int(), id: z.string(), deliveries: z.array(ZDeliveryStub) }).loose(),
      z.object({
        index: z.number().int(),
        error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.unknown()) }),
      }),
    ]),
  ),
});

export const POST = v1Write({
  params: z.object({}).strict(),
  body: ZBulkStatusChanges,
  doc: { summary: "Apply up to 1,000 status changes, each as if sent alone", response: ZBulkStatusChangeResults },
  // 1,000 changes in one transaction: more than a single write's 15 s budget on a loaded machine when
  // this was a savepoint per change; kept while the set-based path proves itself (docs/decisions/0145).
  transactionTimeoutMs: 300_000,
  write: ({ tx, scope, body, now }) => applyStatusChanges(tx, scope, body.changes, now),
});
