// One status change as the writers take it, whether it came alone (POST …/status, a hirer's move, a
// pipeline save moving stranded records) or as an item of POST /status-changes.
export type TStatusChangeRequest =
  | { applicationId: string; statusKey: string; occurredAt?: Date }
  | { positionId: string; statusKey: string; occurredAt?: Date };
