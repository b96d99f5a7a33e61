// Per application and channel, the latest delivery (highest seq) and, when it failed or died, its error
// with a hint (lib/delivery-log/error-hints.ts). One statement for a whole page of applications, walking
// the (applicationId, seq) index.
import type { DbOrTx } from "../db/tx";
import { deliveryErrorOf, type TDeliveryError } from "../format/error-hints";
import { Prisma } from "../generated/prisma/client";
import type { DeliveryState } from "../generated/prisma/enums";

export type TLatestDelivery = {
  id: string;
  channel: string;
  kind: string;
  state: DeliveryState;
  attempts: number;
  createdAt: Date;
  deliveredAt: Date | null;
  error?: TDeliveryError;
};

type TRow = Omit<TLatestDelivery, "error"> & {
  applicationId: string;
  lastError: string | null;
  lastErrorCode: string | null;
  sentToken: string | null;
};

const SHOWS_ERROR: ReadonlySet<DeliveryState> = new Set(["failed", "dead", "expired"]);

/**
 * Keyed by the application's internal id; each list is ordered by channel. Caller scopes the ids.
 * `currentTokens` (application id → its current seek-token) are masked in error messages as well as the
 * token each delivery carried.
 */
export async function latestDeliveriesByApplication(
  db: DbOrTx,
  organizationId: string,
  applicationIds: string[],
  currentTokens: ReadonlyMap<string, string> = new Map(),
): Promise<ReadonlyMap<string, TLatestDelivery[]>> {
  const result = new Map<string, TLatestDelivery[]>();
  if (applicationIds.length === 0) return result;
  const rows = await db.$queryRaw<TRow[]>(Prisma.sql`
    SELECT DISTINCT ON ("applicationId", channel)
      "applicationId", id, channel, kind, state, attempts, "createdAt", "deliveredAt", "lastError", "lastErrorCode",
      payload->>'token' AS "sentToken"
    FROM "Delivery"
    WHERE "organizationId" = ${organizationId} AND "applicationId" IN (${Prisma.join(applicationIds)})
    ORDER BY "applicationId", channel, seq DESC`);
  for (const { applicationId, lastError, lastErrorCode, sentToken, ...row } of rows) {
    const secrets = [sentToken, currentTokens.get(applicationId)];
    const delivery: TLatestDelivery = SHOWS_ERROR.has(row.state)
      ? { ...row, error: deliveryErrorOf(lastErrorCode, lastError, secrets) }
      : row;
    result.set(applicationId, [...(result.get(applicationId) ?? []), delivery]);
  }
  return result;
}
