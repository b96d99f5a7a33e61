// Lib functions that write take a client that may be a transaction, so a caller can put a mutation and
// its audit entry (or an event and its outbox rows) in one commit.
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "./client";

export type DbTx = Prisma.TransactionClient;
export type DbOrTx = Db | DbTx;
