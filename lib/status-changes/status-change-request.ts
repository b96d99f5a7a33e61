// One status change as the writers take it, whether it came alone (POST …/status, a hirer's move, a
// pipeline save moving stranded records) or as an item of POST /status-changes.
export type TStatusChangeRequest =
  | { applicationId: string; statusKey: string; occurredAt?: Date }
  | { positionId: string; statusKey: string; occurredAt?: Date };

/** The change a POST …/status body asks of the record its path names. */
export function statusChangeOf(
  record: { applicationId: string } | { positionId: string },
  body: { status: string; occurredAt?: Date },
): TStatusChangeRequest {
  return { ...record, statusKey: body.status, occurredAt: body.occurredAt };
}
