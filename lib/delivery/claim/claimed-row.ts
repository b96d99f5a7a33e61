// A claimed outbox row as the engine holds it: the channel's view (ClaimedDelivery) plus what only the
// engine needs to know about how the row was claimed.
import { CHANNELS, type ChannelName, type ClaimedDelivery } from "../channel";

export type ClaimedRow = ClaimedDelivery & {
  /** claimed as the single probe of a destination whose circuit is half open */
  probe: boolean;
  /**
   * its last attempt broke the channel's contract rather than getting an answer from the board (the
   * worker stopped mid-send, the channel threw or overran maxSendMs): sent alone, since it may be the
   * poison that did it, and must not take a whole batch down with it again
   */
  suspect: boolean;
  /** insertion order: a key's rows are sent in it */
  seq: bigint;
};

/** The columns every claim query returns. */
export type ClaimedRowRecord = {
  id: string;
  organizationId: string;
  channel: string;
  kind: string;
  destination: string;
  payload: unknown;
  attempts: number;
  orderingKey: string | null;
  occurredAt: Date;
  createdAt: Date;
  expiresAt: Date | null;
  dueBy: Date | null;
  lastErrorCode: string | null;
  seq: bigint;
  nextAttemptAt: Date;
};

export const LEASE_EXPIRED_CODE = "LEASE_EXPIRED";
export const SEND_ERROR_CODE = "SEND_ERROR";
export const SEND_TIMEOUT_CODE = "SEND_TIMEOUT";

/** Failures the engine detected itself: the board never judged the row, so the row itself is suspect. */
const SUSPECT_CODES: ReadonlySet<string> = new Set([LEASE_EXPIRED_CODE, SEND_ERROR_CODE, SEND_TIMEOUT_CODE]);

function isChannelName(value: string): value is ChannelName {
  return (CHANNELS as readonly string[]).includes(value);
}

export function toClaimedRow(record: ClaimedRowRecord, probe: boolean): ClaimedRow {
  if (!isChannelName(record.channel)) throw new Error(`claimed a row of unknown channel ${record.channel}`);
  return {
    id: record.id,
    organizationId: record.organizationId,
    channel: record.channel,
    kind: record.kind,
    destination: record.destination,
    payload: record.payload,
    attempts: Number(record.attempts),
    orderingKey: record.orderingKey,
    occurredAt: record.occurredAt,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    dueBy: record.dueBy,
    probe,
    seq: BigInt(record.seq),
    suspect: record.lastErrorCode !== null && SUSPECT_CODES.has(record.lastErrorCode),
  };
}

/** What a channel receives: the contract's fields only. */
export function toChannelDelivery(row: ClaimedRow): ClaimedDelivery {
  const { probe: _probe, suspect: _suspect, seq: _seq, ...delivery } = row;
  return delivery;
}
