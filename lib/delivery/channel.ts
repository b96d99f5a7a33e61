// The contract between the delivery engine (lib/delivery) and each board channel (lib/seek,
// lib/linkedin). The engine claims rows, hands a channel a batch, and records what the channel says
// happened to each row. A channel never touches delivery state itself: it reports outcomes as values.

/** Channels and their stored names (Delivery.channel). */
export const CHANNELS = ["seek-signal", "seek-history", "linkedin-note", "webhook"] as const;
export type ChannelName = (typeof CHANNELS)[number];

export type DeliveredResult = { delivery: ClaimedDelivery; result: Record<string, unknown> };
export type DeliveredTx = import("../db/tx").DbTx;

/** A claimed outbox row, as the engine hands it to a channel. */
export type ClaimedDelivery = {
  id: string;
  organizationId: string;
  channel: ChannelName;
  kind: string;
  destination: string;
  payload: unknown;
  attempts: number;
  orderingKey: string | null;
  occurredAt: Date;
  createdAt: Date;
  expiresAt: Date | null;
  dueBy: Date | null;
};

/** What happened to one delivery in one request. */
export type DeliveryOutcome =
  | { kind: "delivered" /** e.g. the SEEK id of a created history item */; result?: Record<string, unknown> }
  /** transient: network, timeout, 5xx, rate limit, auth; `notBefore` from Retry-After when given */
  | { kind: "retry"; code: string; message: string; notBefore?: Date }
  /** permanent for this delivery (FORBIDDEN, BAD_USER_INPUT): never retried automatically */
  | { kind: "failed"; code: string; message: string }
  /** identifier older than 180 days: not sent */
  | { kind: "expired"; message: string };

/** One HTTP request a channel made, with the deliveries it carried. Bodies are already redacted. */
export type ChannelRequestLog = {
  requestId: string;
  deliveryIds: string[];
  httpStatus: number | null;
  durationMs: number;
  errorCodes: string[];
  requestBody: string | null;
  responseBody: string | null;
};

export type ChannelSendResult = {
  /** an outcome for every delivery in the batch */
  outcomes: Map<string, DeliveryOutcome>;
  /** every HTTP request made (a rejected batch may be split and resent) */
  requests: ChannelRequestLog[];
  /**
   * Set when the destination itself is unhealthy (5xx storm, 429, bad credentials): the engine backs off
   * the whole destination until `until`, without delaying other destinations.
   */
  destinationBackoff?: { until: Date; reason: string };
};

export type SendContext = {
  workerId: string;
  now(): Date;
  signal: AbortSignal;
};

/**
 * How much of one destination may be in flight at once across all workers. Rate limits that a board
 * counts by something other than the destination (LinkedIn counts per client id) belong to the channel:
 * lib/linkedin/throttle.ts is the one throttle (RateWindow rows).
 */
export type DestinationLimits = {
  /** most deliveries of one destination in flight at once across all workers (default 4 × maxBatch) */
  maxInFlight?: number;
};

export interface Channel {
  name: ChannelName;
  /** most deliveries one send() may receive (SEEK sendSignals: 100) */
  maxBatch: number;
  /**
   * Rows sharing an ordering key may go in one batch, in seq order (LinkedIn notes of one application).
   * Without it, a key's rows are sent one at a time.
   */
  orderedRuns?: boolean;
  /** the longest a send() may take, all requests and retries inside it included; the lease is longer */
  maxSendMs: number;
  /** in-flight ceiling per destination (optional: the engine default is four batches) */
  limits?: DestinationLimits;
  send(batch: ClaimedDelivery[], context: SendContext): Promise<ChannelSendResult>;
  /**
   * Optional: keep what the board answered for delivered rows (e.g. SEEK's id of a created history item).
   * Called inside the transaction that marks them delivered, so the answer and the state commit together.
   */
  recordDelivered?(tx: DeliveredTx, delivered: DeliveredResult[], now: Date): Promise<void>;
}
