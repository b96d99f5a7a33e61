// People the caller may see (an admin: everyone; a hirer's scope: their organization's users), for the
// admin users page. Password hashes are never selected.

import { inScope, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";

export type TUserSummary = {
  id: string;
  name: string;
  email: string;
  role: "admin" | "hirer";
  active: boolean;
  organization: { id: string; name: string; slug: string } | null;
  createdAt: Date;
  lastSignInAt: Date | null;
};

export async function listUsers(db: DbOrTx, scope: TScope): Promise<TUserSummary[]> {
  return db.user.findMany({
    where: inScope(scope),
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      organization: { select: { id: true, name: true, slug: true } },
      createdAt: true,
      lastSignInAt: true,
    },
  });
}
