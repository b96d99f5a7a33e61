// Candidate process history items as SEEK keeps them: idempotencyId unique within a candidate profile
// (a repeated create answers Conflict with the existing item, unchanged), update replaces, delete removes.
import { randomUUID } from "node:crypto";
import type { InvalidField } from "./signal-rules";

type HistoryItemFields = {
  action: { code: string; name?: string | null; description?: string | null };
  actionDate: string;
  positionProfile?: { profileId: string } | null;
  primaryParties: unknown[];
  seekSource?: { name: string } | null;
  status?: { code: string } | null;
};
export type CreateHistoryItemInput = {
  candidateProfile: { profileId: string };
  candidateProcessHistoryItem: HistoryItemFields & { idempotencyId: string };
};
export type StoredHistoryItem = HistoryItemFields & { id: string; profileId: string; idempotencyId: string };

export type CreateResult = { kind: "success"; id: string } | { kind: "conflict"; id: string };

/** SEEK's documented constraints on an item, with `base` the path of the item in the input. */
export function historyItemProblems(base: string, item: HistoryItemFields): InvalidField[] {
  const problems: InvalidField[] = [];
  if ((item.action.description?.length ?? 0) > 1000) {
    problems.push({ path: `${base}/action/description`, reason: "Must be at most 1000 characters" });
  }
  if (item.primaryParties.length < 1 || item.primaryParties.length > 10) {
    problems.push({ path: `${base}/primaryParties`, reason: "Must contain between 1 and 10 items" });
  }
  if (item.positionProfile && !item.seekSource) {
    problems.push({ path: `${base}/seekSource`, reason: "Is required when positionProfile is provided" });
  }
  const transition = item.action.code === "CandidateWorkflowTransition";
  if (transition && !item.status) problems.push({ path: `${base}/status`, reason: "Is required" });
  if (!transition && item.status) problems.push({ path: `${base}/status`, reason: "Must not be provided" });
  return problems;
}

export class HistoryStore {
  private readonly items = new Map<string, StoredHistoryItem>();

  create(input: CreateHistoryItemInput): CreateResult {
    const profileId = input.candidateProfile.profileId;
    const { idempotencyId } = input.candidateProcessHistoryItem;
    for (const item of this.items.values()) {
      if (item.profileId === profileId && item.idempotencyId === idempotencyId)
        return { kind: "conflict", id: item.id };
    }
    const id = `mockSeek:candidateProcessHistoryItem:${randomUUID()}`;
    this.items.set(id, { ...input.candidateProcessHistoryItem, id, profileId });
    return { kind: "success", id };
  }

  /** Replaces the item in its entirety; null when no such item exists. */
  update(item: HistoryItemFields & { id: string }): string | null {
    const existing = this.items.get(item.id);
    if (!existing) return null;
    this.items.set(item.id, { ...item, profileId: existing.profileId, idempotencyId: existing.idempotencyId });
    return item.id;
  }

  delete(id: string): string | null {
    return this.items.delete(id) ? id : null;
  }

  all(): StoredHistoryItem[] {
    return [...this.items.values()];
  }

  clear(): void {
    this.items.clear();
  }
}
