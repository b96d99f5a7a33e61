// Builds the SendSignalInput SEEK receives, exactly and completely, at the moment the event is recorded.
// The outbox row stores it as is, so a later pipeline edit can never change a queued signal.
import type { StatusAt } from "../pipelines/pipeline-definition";
import { type SeekStatusState, seekStateFor } from "../pipelines/seek-state";

export type SignalState = SeekStatusState & { timestamp: string };

/** The SEEK identifiers of an application: Optimised Apply id, or a link-out token with the ad's profile ids. */
export type ApplicationIdentifiers =
  | { kind: "optimised-apply"; candidateApplicationProfileId: string }
  | { kind: "link-out"; token: string; positionProfileIds: string[] };

export type SendSignalInput = {
  typeCode: "ApplicationStatusUpdate" | "PositionStatusUpdate" | "ApplicationComplete";
  token?: string;
  candidateApplicationProfileId?: string;
  positionProfileIds?: string[];
  current?: SignalState;
  previous?: SignalState;
  timestamp?: string;
};

export function signalState(at: StatusAt): SignalState {
  const state = seekStateFor(at.pipeline, at.statusKey);
  if (!state) throw new Error(`status "${at.statusKey}" is not in pipeline "${at.pipeline.name}"`);
  // Key order mirrors SEEK's documentation; `phase` is omitted (not null) for flat pipelines.
  return {
    ...(state.phase ? { phase: state.phase } : {}),
    status: state.status,
    success: state.success,
    timestamp: at.occurredAt.toISOString(),
  };
}

function identifierFields(
  ids: ApplicationIdentifiers,
): Pick<SendSignalInput, "token" | "candidateApplicationProfileId" | "positionProfileIds"> {
  if (ids.kind === "optimised-apply") return { candidateApplicationProfileId: ids.candidateApplicationProfileId };
  return ids.positionProfileIds.length > 0
    ? { token: ids.token, positionProfileIds: ids.positionProfileIds }
    : { token: ids.token };
}

export function applicationStatusSignal(
  ids: ApplicationIdentifiers,
  current: StatusAt,
  previous?: StatusAt,
): SendSignalInput {
  return {
    typeCode: "ApplicationStatusUpdate",
    ...identifierFields(ids),
    current: signalState(current),
    ...(previous ? { previous: signalState(previous) } : {}),
  };
}

export function positionStatusSignal(
  positionProfileIds: string[],
  current: StatusAt,
  previous?: StatusAt,
): SendSignalInput {
  return {
    typeCode: "PositionStatusUpdate",
    positionProfileIds,
    current: signalState(current),
    ...(previous ? { previous: signalState(previous) } : {}),
  };
}

/** ApplicationComplete carries typeCode, token and timestamp only (seek-api notes). */
export function applicationCompleteSignal(token: string, completedAt: Date): SendSignalInput {
  return { typeCode: "ApplicationComplete", token, timestamp: completedAt.toISOString() };
}
