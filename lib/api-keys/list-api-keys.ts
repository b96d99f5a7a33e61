// One organization's API keys for the admin page: name, prefix and dates, never the hash.

import { inScope, narrowToOrganization, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";

export type TApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function listApiKeys(db: DbOrTx, scope: TScope, organizationId: string): Promise<TApiKeySummary[]> {
  const orgScope = narrowToOrganization(scope, organizationId);
  return db.apiKey.findMany({
    where: inScope(orgScope),
    // Active keys first, newest first within each group.
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
