// Lib functions that write take a client that may be a transaction, so a caller can put a mutation and
// its audit entry (or an event and its outbox rows) in one commit.
import type { ITXClientDenyList } from "@prisma/client/runtime/client";
import type { Db } from "./client";

/** A transaction of the fenced client: the same secret columns are left out (lib/db/client.ts). */
export type DbTx = Omit<Db, ITXClientDenyList>;
export type DbOrTx = Db | DbTx;
