// The active admins, counted under a row lock: two admins demoting or deactivating each other at the
// same moment must not both see "another admin remains" and leave none.
import type { DbOrTx } from "../db/tx";

export async function countActiveAdminsForUpdate(tx: DbOrTx): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'admin' AND "active" = true ORDER BY "id" FOR UPDATE`;
  return rows.length;
}
