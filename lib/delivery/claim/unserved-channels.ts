// Rows of channels this worker does not serve are never claimed (the engine works with zero channels);
// they are counted so a missing registration shows up in logs and the cron summary instead of silence.
import { DB_NOW, type DbClient } from "../sql";

export type UnservedChannel = { channel: string; pending: number };

export async function findUnservedChannels(db: DbClient, served: readonly string[]): Promise<UnservedChannel[]> {
  const rows = await db.$queryRaw<{ channel: string; pending: bigint }[]>`
    SELECT channel, count(*)::bigint AS pending FROM "Delivery"
    WHERE state = 'pending' AND "nextAttemptAt" <= ${DB_NOW} AND NOT (channel = ANY(${[...served]}::text[]))
    GROUP BY channel ORDER BY channel`;
  return rows.map((r) => ({ channel: r.channel, pending: Number(r.pending) }));
}
