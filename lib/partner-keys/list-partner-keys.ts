// The partner keys for the admin page: name, prefix and dates, never the hash. Only admins see them
// (a partner key reaches every organization), hence the all-organizations scope in the signature.
import type { TAllOrganizationsScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";

export type TPartnerKeySummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function listPartnerKeys(db: DbOrTx, _scope: TAllOrganizationsScope): Promise<TPartnerKeySummary[]> {
  return db.partnerApiKey.findMany({
    // Active keys first, newest first within each group.
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
