// Every UI mutation leaves a row saying who did what to which thing, written in the mutation's own
// transaction so the log can never claim a change that was rolled back (or miss one that was not).
// Details name what changed, never secret values.

import type { DbOrTx } from "../db/tx";
import type { Prisma } from "../generated/prisma/client";

export type TAuditEntry = {
  actorUserId: string | null;
  /** who acted when it is not a Signalhouse user: "portal:<session id>" (an ATS user in the portal) */
  actor?: string | null;
  organizationId?: string | null;
  /** "<thing>.<verb>", e.g. "api_key.create" */
  action: string;
  targetType: string;
  targetId?: string | null;
  /** how many things one action changed (e.g. deliveries retried at once) */
  count?: number | null;
  details?: Prisma.InputJsonValue;
};

export async function recordAudit(db: DbOrTx, entry: TAuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorUserId: entry.actorUserId,
      actor: entry.actor ?? null,
      organizationId: entry.organizationId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      count: entry.count ?? null,
      details: entry.details,
    },
  });
}
