// A person moves a position on its page: changePositionStatus (the v1 API's code path) plus the audit
// entry, in one transaction, within the caller's scope (another organization's position is NOT_FOUND).
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { narrowToOrganization, type TScope } from "../data/scope";
import type { Db } from "../db/client";
import type { WriteResult } from "../events/write-result";
import { changeStatus } from "../status-changes/change-statuses";
import { ZExternalId } from "../validation/external-id";
import { STATUS_MOVE_TRANSACTION } from "./move-application-status";

export const ZMovePositionInput = z.object({
  organizationId: z.string().min(1).max(100),
  positionId: ZExternalId,
  statusKey: z.string().min(1, "Choose a status").max(100),
});
export type TMovePositionInput = z.infer<typeof ZMovePositionInput>;

export async function movePositionStatus(
  db: Db,
  scope: TScope,
  input: TMovePositionInput,
  now: Date = new Date(),
): Promise<WriteResult> {
  const orgScope = narrowToOrganization(scope, input.organizationId);
  const { organizationId } = orgScope;
  return db.$transaction(async (tx) => {
    const result = await changeStatus(tx, orgScope, { positionId: input.positionId, statusKey: input.statusKey }, now);
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      actor: scope.actor,
      organizationId,
      action: "position.move",
      targetType: "position",
      targetId: input.positionId,
      details: { status: input.statusKey, eventId: result.id, deliveries: result.deliveries.length },
    });
    return result;
  }, STATUS_MOVE_TRANSACTION);
}
