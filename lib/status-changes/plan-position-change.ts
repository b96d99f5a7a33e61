// The rules of one position's status change, in memory: the position must have a pipeline with a
// saved version, the status must be in it and not the one the position is in. A position advertised on
// SEEK gets exactly one PositionStatusUpdate: profile ids past their 180-day life are left out; when all
// are, the row is written expired (seek-api notes: SEEK would ignore it).
import type { TOrganizationScope } from "../data/scope";
import { identifierExpiresAt, isExpired } from "../delivery/enqueue/identifier-expiry";
import { AppError } from "../errors/app-error";
import type { CurrentStatus } from "../pipelines/plan-status-change";
import type { PositionForUpdate } from "../positions/find-positions-for-update";
import { positionStatusSignal } from "../signals/build-signal";
import type { StatusChangeRecords } from "./load-status-change-records";
import { planRecordChange } from "./plan-record-change";
import type { PlannedChange } from "./planned-change";

export function planPositionChange(input: {
  scope: TOrganizationScope;
  change: { positionId: string; statusKey: string; occurredAt?: Date };
  position: PositionForUpdate | undefined;
  /** where the position stands, after the changes before this one in the batch */
  from: CurrentStatus;
  records: StatusChangeRecords;
  now: Date;
}): PlannedChange {
  const { scope, change, position, from, records, now } = input;
  if (!position) throw new AppError("NOT_FOUND", `No position with id ${change.positionId}.`);
  if (!position.pipelineId) {
    throw new AppError(
      "UNPROCESSABLE",
      `Position ${change.positionId} has no position pipeline; set "pipeline" on the position first.`,
    );
  }
  const {
    version: _version,
    current,
    previous,
    ...planned
  } = planRecordChange({
    ...{ scope, change, from, records, now },
    pipelineId: position.pipelineId,
    pipeline: position.pipeline,
    subject: `Position ${change.positionId}`,
    record: { table: "Position", id: position.id },
    about: { type: "PositionStatusChanged", positionId: position.id },
  });
  const { occurredAt } = planned.event;
  if (position.seekProfiles.length === 0) return planned;

  const live = position.seekProfiles.filter((p) => !isExpired(identifierExpiresAt(p.firstSeenAt), now));
  const sent = live.length > 0 ? live : position.seekProfiles;
  const newest = sent.reduce((a, b) => (a.firstSeenAt > b.firstSeenAt ? a : b));
  return {
    ...planned,
    signal: {
      organizationId: scope.organizationId,
      channel: "seek-signal",
      kind: "PositionStatusUpdate",
      destination: "seek",
      payload: positionStatusSignal(
        sent.map((p) => p.profileId),
        current,
        previous,
      ),
      occurredAt,
      expiresAt: identifierExpiresAt(newest.firstSeenAt),
      positionId: position.id,
    },
  };
}
