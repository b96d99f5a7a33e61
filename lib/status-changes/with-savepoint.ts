// Runs one part of a transaction so that, when it throws, only its own writes are undone and the
// transaction goes on (PostgreSQL SAVEPOINT; a failed statement would otherwise abort everything after
// it). Used where one request holds many independent writes (bulk status changes).
import type { DbTx } from "../db/tx";

export async function withSavepoint<T>(tx: DbTx, work: () => Promise<T>): Promise<T> {
  await tx.$executeRawUnsafe("SAVEPOINT bulk_item");
  try {
    const result = await work();
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT bulk_item");
    return result;
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT bulk_item");
    throw error;
  }
}
