// A status change of an application whose candidate was uploaded to SEEK also becomes a
// CandidateWorkflowTransition history item, when the hirer mapped that status to a SEEK status code in
// the pipeline editor. Unmapped statuses, candidates without a SEEK profile and positions never
// advertised on SEEK produce none. Pure: the caller reads the candidate and writes the item and its
// outbox row (lib/status-changes, for one change or a batch).
import type { NewDelivery } from "../delivery/enqueue/enqueue-delivery";
import type { TPipelineStatus } from "../pipelines/pipeline-definition";
import {
  buildHistoryItem,
  HISTORY_DEADLINE_MS,
  type HistoryDeliveryPayload,
  type HistoryItemFields,
  historyOrderingKey,
} from "./build-history-item";

export type TransitionContext = {
  organizationId: string;
  eventId: string;
  applicationId: string;
  positionId: string;
  candidateId: string | null;
  status: TPipelineStatus;
  occurredAt: Date;
  positionProfileId: string | undefined;
  /** where the candidate came from for this opportunity; resent unchanged on every item */
  seekSource: string;
};

export type TransitionCandidate = {
  id: string;
  givenName: string;
  familyName: string;
  seekCandidateProfileId: string | null;
};

export type WorkflowTransition = {
  historyItem: { organizationId: string; candidateId: string; idempotencyId: string; data: HistoryItemFields };
  delivery: NewDelivery;
};

/** Whether the change needs its candidate read at all (before the event id is known). */
export function mayRecordTransition(context: Pick<TransitionContext, "status" | "candidateId" | "positionProfileId">) {
  return Boolean(context.status.seekHistoryStatus && context.candidateId && context.positionProfileId);
}

export function planWorkflowTransition(
  context: TransitionContext,
  candidate: TransitionCandidate | undefined,
  now: Date,
): WorkflowTransition | undefined {
  const code = context.status.seekHistoryStatus;
  if (!code || !context.positionProfileId || !candidate?.seekCandidateProfileId) return undefined;
  if (candidate.id !== context.candidateId) return undefined;

  const idempotencyId = `status-change:${context.eventId}`;
  const item = buildHistoryItem({
    action: { code: "CandidateWorkflowTransition", name: context.status.label },
    actionDate: context.occurredAt,
    person: { given: candidate.givenName, family: candidate.familyName },
    positionProfileId: context.positionProfileId,
    seekSource: context.seekSource,
    status: code,
  });
  const payload: HistoryDeliveryPayload = {
    operation: "create",
    candidateProfileId: candidate.seekCandidateProfileId,
    idempotencyId,
    item,
  };
  return {
    historyItem: { organizationId: context.organizationId, candidateId: candidate.id, idempotencyId, data: item },
    delivery: {
      organizationId: context.organizationId,
      eventId: context.eventId,
      channel: "seek-history",
      kind: "HistoryCreate",
      destination: "seek",
      payload,
      occurredAt: context.occurredAt,
      orderingKey: historyOrderingKey(candidate.id, idempotencyId),
      dueBy: new Date(now.getTime() + HISTORY_DEADLINE_MS),
      applicationId: context.applicationId,
      positionId: context.positionId,
      candidateId: candidate.id,
    },
  };
}
