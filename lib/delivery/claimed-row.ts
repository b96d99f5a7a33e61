// A claimed outbox row as the engine holds it: the channel's view (ClaimedDelivery) plus what only the
// engine needs to know about how the row was claimed.
import { CHANNELS, type ChannelName, type ClaimedDelivery } from "./channel";

export type ClaimedRow = ClaimedDelivery & {
  /** claimed as the single probe of a destination whose circuit is half open */
  probe: boolean;
  /** taken back from a worker that stopped before recording a result: sent alone, it may be what stopped it */
  recovered: boolean;
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
    recovered: record.lastErrorCode === LEASE_EXPIRED_CODE,
  };
}

/** What a channel receives: the contract's fields only. */
export function toChannelDelivery(row: ClaimedRow): ClaimedDelivery {
  const { probe: _probe, recovered: _recovered, ...delivery } = row;
  return delivery;
}
