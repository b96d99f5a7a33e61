// SEEK's id for one of our candidate history items, as recorded when its create was delivered. Scoped
// by organization like every tenant read.
import type { Db } from "@/lib/db/client";
import type { ResolveSeekItemId } from "./seek-history-channel";

export function seekItemIdResolver(db: Db): ResolveSeekItemId {
  return async (historyItemId, organizationId) => {
    const item = await db.candidateHistoryItem.findFirst({
      where: { id: historyItemId, organizationId },
      select: { seekItemId: true },
    });
    return item?.seekItemId ?? null;
  };
}
