// Where a failure group stands, as an issue tracker would say it: open until someone acknowledges it
// (they are on it) or resolves it; a resolved group whose deliveries fail again after it was resolved is
// open again, since the fix did not hold. Pure.

export type TGroupMark = { status: string; at: Date; byLabel: string };
export type TGroupStatus = "open" | "acknowledged" | "resolved";

export function groupStatus(mark: TGroupMark | null, lastSeen: Date): TGroupStatus {
  if (!mark) return "open";
  if (mark.status === "resolved") return lastSeen.getTime() > mark.at.getTime() ? "open" : "resolved";
  return mark.status === "acknowledged" ? "acknowledged" : "open";
}

/** The log's link for a group: its organization, channel and error code, and its state when it has one. */
export function groupLogSearch(group: {
  organizationId: string;
  channel: string;
  errorCode: string;
  failed: number;
  dead: number;
}): Record<string, string> {
  const state = group.dead === 0 ? "failed" : group.failed === 0 ? "dead" : undefined;
  return {
    organization: group.organizationId,
    channel: group.channel,
    error: group.errorCode,
    ...(state ? { state } : {}),
  };
}
