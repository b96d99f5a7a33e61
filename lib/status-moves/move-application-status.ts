// A person moves an application on its page. The move itself is changeApplicationStatus, the one code
// path the v1 API uses too, in one transaction with the audit entry; this function only adds who may do
// it (the caller's scope: another organization's application is NOT_FOUND) and the audit.
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { narrowToOrganization, type TScope } from "../data/scope";
import type { Db } from "../db/client";
import type { WriteResult } from "../events/write-result";
import { changeStatus } from "../status-changes/change-statuses";
import { ZExternalId } from "../validation/external-id";

export const ZMoveApplicationInput = z.object({
  organizationId: z.string().min(1).max(100),
  applicationId: ZExternalId,
  statusKey: z.string().min(1, "Choose a status").max(100),
});
export type TMoveApplicationInput = z.infer<typeof ZMoveApplicationInput>;

export const STATUS_MOVE_TRANSACTION = { maxWait: 10_000, timeout: 15_000 } as const;

export async function moveApplicationStatus(
  db: Db,
  scope: TScope,
  input: TMoveApplicationInput,
  now: Date = new Date(),
): Promise<WriteResult> {
  const orgScope = narrowToOrganization(scope, input.organizationId);
  const { organizationId } = orgScope;
  return db.$transaction(async (tx) => {
    const result = await changeStatus(
      tx,
      orgScope,
      { applicationId: input.applicationId, statusKey: input.statusKey },
      now,
    );
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      actor: scope.actor,
      organizationId,
      action: "application.move",
      targetType: "application",
      targetId: input.applicationId,
      details: { status: input.statusKey, eventId: result.id, deliveries: result.deliveries.length },
    });
    return result;
  }, STATUS_MOVE_TRANSACTION);
}
