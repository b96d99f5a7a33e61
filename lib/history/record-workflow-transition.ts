// A status change of an application whose candidate was uploaded to SEEK also becomes a
// CandidateWorkflowTransition history item, when the hirer mapped that status to a SEEK status code in
// the pipeline editor. Unmapped statuses, candidates without a SEEK profile and positions never
// advertised on SEEK produce none.
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import { enqueueDelivery, type QueuedDelivery } from "../delivery/enqueue/enqueue-delivery";
import type { TPipelineStatus } from "../pipelines/pipeline-definition";
import {
  buildHistoryItem,
  HISTORY_DEADLINE_MS,
  type HistoryDeliveryPayload,
  historyOrderingKey,
} from "./build-history-item";

export type TransitionContext = {
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

export async function recordWorkflowTransition(
  tx: DbTx,
  scope: TOrganizationScope,
  context: TransitionContext,
  now: Date,
): Promise<QueuedDelivery | undefined> {
  const code = context.status.seekHistoryStatus;
  if (!code || !context.candidateId || !context.positionProfileId) return undefined;
  const candidate = await tx.candidate.findFirst({ where: inScope(scope, { id: context.candidateId }) });
  if (!candidate?.seekCandidateProfileId) return undefined;

  const idempotencyId = `status-change:${context.eventId}`;
  const item = buildHistoryItem({
    action: { code: "CandidateWorkflowTransition", name: context.status.label },
    actionDate: context.occurredAt,
    person: { given: candidate.givenName, family: candidate.familyName },
    positionProfileId: context.positionProfileId,
    seekSource: context.seekSource,
    status: code,
  });
  await tx.candidateHistoryItem.create({
    data: { organizationId: scope.organizationId, candidateId: candidate.id, idempotencyId, data: item },
  });
  const payload: HistoryDeliveryPayload = {
    operation: "create",
    candidateProfileId: candidate.seekCandidateProfileId,
    idempotencyId,
    item,
  };
  return enqueueDelivery(
    tx,
    {
      organizationId: scope.organizationId,
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
    now,
  );
}
