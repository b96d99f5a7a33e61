// What one status change will write, decided in memory before anything is written: its event, the
// state its record is left in, its signal and its history item (both completed with the event's id
// once the events are inserted: lib/status-changes/write-status-changes.ts).
import type { NewDelivery } from "../delivery/enqueue/enqueue-delivery";
import type { TransitionCandidate, TransitionContext } from "../history/plan-workflow-transition";
import type { CurrentStatus } from "../pipelines/plan-status-change";

export type PlannedEvent = {
  organizationId: string;
  type: "ApplicationStatusChanged" | "PositionStatusChanged";
  applicationId?: string;
  positionId: string;
  candidateId?: string | null;
  versionId: string;
  fromStatusKey: string | null;
  fromVersionId: string | null;
  fromOccurredAt: Date | null;
  toStatusKey: string;
  occurredAt: Date;
  actor: string;
};

export type PlannedChange = {
  record: { table: "Application" | "Position"; id: string };
  /** the record's state once this change is recorded: the `from` of the next change to it */
  after: CurrentStatus & { currentStatusKey: string; currentVersionId: string; currentStatusAt: Date };
  event: PlannedEvent;
  signal?: Omit<NewDelivery, "eventId">;
  transition?: { context: Omit<TransitionContext, "eventId">; candidate: TransitionCandidate | undefined };
};
