// When the ATS gives an application a new seek-token (a new capture, or `seekToken` on PUT), the
// application's link-out signals that stopped on the old one (failed: SEEK refused it, or dead) are
// rewritten to carry the new token, its prefix and its 180-day expiry, so an admin's retry sends what
// SEEK can accept. Pending and in-flight rows are left as they are: they may be on the wire, and they
// have not failed. Delivered and expired rows are history. (docs/decisions/0084)
import type { DbTx } from "../db/tx";
import { identifierExpiresAt } from "../delivery/enqueue/identifier-expiry";
import { TOKEN_PREFIX_LENGTH } from "../delivery/enqueue/token-prefix-length";

export async function repointStoppedSignals(
  tx: DbTx,
  input: { applicationId: string; token: string; capturedAt: Date; now: Date },
): Promise<string[]> {
  const { applicationId, token, capturedAt, now } = input;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Delivery"
    SET payload = jsonb_set(payload, '{token}', to_jsonb(${token}::text)),
        "tokenPrefix" = ${token.slice(0, TOKEN_PREFIX_LENGTH)},
        "expiresAt" = ${identifierExpiresAt(capturedAt)},
        "updatedAt" = ${now}
    WHERE "applicationId" = ${applicationId}
      AND channel = 'seek-signal'
      AND state IN ('failed', 'dead')
      AND payload ? 'token'
      AND payload->>'token' <> ${token}
    RETURNING id`;
  return rows.map((row) => row.id);
}
