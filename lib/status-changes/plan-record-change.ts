// What every status change plans, application or position: the pipeline's rules (planStatusChange), its
// event with where the record stood and where it goes, and the state it leaves the record in.
import type { TOrganizationScope } from "../data/scope";
import { type CurrentStatus, planStatusChange, type StatusChangePlan } from "../pipelines/plan-status-change";
import { currentVersionOf } from "../pipelines/version-definitions";
import type { StatusChangeRecords } from "./load-status-change-records";
import type { PlannedChange, PlannedEvent } from "./planned-change";

export function planRecordChange(input: {
  scope: TOrganizationScope;
  change: { statusKey: string; occurredAt?: Date };
  /** the record's pipeline: its id, and its key and current version id as read with the record */
  pipelineId: string;
  pipeline: { key: string; currentVersionId: string | null } | null;
  /** where the record stands, after the changes before this one in the batch */
  from: CurrentStatus;
  records: StatusChangeRecords;
  now: Date;
  /** "Application A-1" or "Position P-1", for the messages */
  subject: string;
  record: PlannedChange["record"];
  /** what the event is about */
  about: Pick<PlannedEvent, "type" | "applicationId" | "positionId" | "candidateId">;
}): StatusChangePlan & Pick<PlannedChange, "record" | "after" | "event"> {
  const { scope, change, from, records } = input;
  const occurredAt = change.occurredAt ?? input.now;
  const plan = planStatusChange({
    version: currentVersionOf(input.pipelineId, input.pipeline, records.versions),
    versions: records.versions,
    organizationId: scope.organizationId,
    statusKey: change.statusKey,
    occurredAt,
    from,
    subject: input.subject,
  });
  const versionId = plan.version.versionId;
  return {
    ...plan,
    record: input.record,
    after: { currentStatusKey: change.statusKey, currentVersionId: versionId, currentStatusAt: occurredAt },
    event: {
      organizationId: scope.organizationId,
      ...input.about,
      versionId,
      fromStatusKey: from.currentStatusKey,
      fromVersionId: from.currentVersionId,
      fromOccurredAt: from.currentStatusAt,
      toStatusKey: change.statusKey,
      occurredAt,
      actor: scope.actor,
    },
  };
}
