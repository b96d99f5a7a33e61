// What the admin deliveries page receives, from the server render and from its polling route alike: plain
// JSON (times as ISO strings), already redacted. Pure types: safe to import from client components.
import type { DeliveryState } from "../generated/prisma/enums";
import type { TDeliveryCause } from "./read-delivery-cause";
import type { TRowContext } from "./read-row-context";

export type TAdminDeliveryRow = {
  id: string;
  organizationId: string;
  channel: string;
  kind: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  lastErrorCode: string | null;
  /** the seek-token's first characters (shown with "…"), or null */
  tokenPrefix: string | null;
  occurredAt: string;
  createdAt: string;
  deliveredAt: string | null;
};

/** A row of the log as listed: what tells it apart from its neighbours (read-row-context.ts) included. */
export type TAdminDeliveryListRow = TAdminDeliveryRow &
  TRowContext & {
    /** "SEEK_5XX: upstream said 503", one line, for failed, dead and retrying rows */
    errorSummary: string | null;
  };

export type TStateCounts = Record<DeliveryState, number>;

export type TAdminDeliveryPage = {
  deliveries: TAdminDeliveryListRow[];
  nextCursor: string | null;
  /** rows per state for the same organization and channel filter (the state filter aside) */
  counts: TStateCounts;
  /** what the search term was tried as ("delivery id, application id or seek-token prefix …"), if any */
  searchedFor: string | null;
  generatedAt: string;
};

export type TAdminDeliveryAttempt = {
  id: string;
  requestId: string;
  workerId: string;
  startedAt: string;
  durationMs: number;
  httpStatus: number | null;
  outcome: string;
  errorCodes: string[];
  errorMessage: string | null;
  /** redacted, pretty-printed when it is JSON */
  requestBody: string | null;
  responseBody: string | null;
  batchSize: number;
};

export type TAdminDeliveryDetail = TAdminDeliveryRow & {
  /** what the ATS or hirer can do about lastErrorCode, from the one hint table (lib/delivery-log/error-hints) */
  errorHint: string | null;
  organizationName: string;
  organizationSlug: string;
  destination: string;
  /** the payload as sent, pretty-printed, with every token shown as a prefix and "…" */
  payloadText: string;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  orderingKey: string | null;
  dueBy: string | null;
  expiresAt: string | null;
  eventId: string | null;
  applicationId: string | null;
  positionId: string | null;
  candidateId: string | null;
  updatedAt: string;
  attemptLog: TAdminDeliveryAttempt[];
  /** the business event behind it, its records by ATS id, and what could hold it back */
  cause: TDeliveryCause;
  generatedAt: string;
};

/** The route handlers' error body (lib/api/error-response.ts). */
export type TApiErrorBody = { error: { code: string; message: string; issues: unknown[] } };
