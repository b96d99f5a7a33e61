// Sign-in attempts are counted per email address in a fixed window shared by every server process (the
// RateWindow table). Each attempt is counted BEFORE its password is checked, in one statement that
// increments and returns the count, so however many attempts race, at most SIGN_IN_MAX_FAILURES of them
// reach the password check per window; the rest are refused, right password or not, until the window
// ends. Unknown addresses are counted the same way, so the lock says nothing about which accounts exist.
// A successful sign-in clears the count. (docs/decisions/0015)
import { createHash } from "node:crypto";
import type { DbOrTx } from "../db/tx";

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_MAX_FAILURES = 10;

// The key holds a hash: the table is shared with delivery throttles and shown in no page, but an email
// address has no business sitting in it.
const keyFor = (email: string) => `signin:${createHash("sha256").update(email).digest("hex")}`;

/**
 * Counts one attempt and says whether its password may be checked. Read-then-check would let N parallel
 * attempts all read "not locked yet" before any failure is written; an atomic upsert gives each attempt
 * its own place in the window's count, and only the first SIGN_IN_MAX_FAILURES places go on.
 */
export async function takeSignInAttempt(db: DbOrTx, email: string, now: Date): Promise<{ allowed: boolean }> {
  const windowOpen = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  // A window that has ended starts again at 1. Refused attempts count too: that is harmless (the window's
  // start does not move) and keeps this to one statement.
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateWindow" (key, "windowStart", count, "updatedAt") VALUES (${keyFor(email)}, ${now}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateWindow"."windowStart" <= ${windowOpen} THEN 1 ELSE "RateWindow".count + 1 END,
      "windowStart" = CASE WHEN "RateWindow"."windowStart" <= ${windowOpen} THEN ${now} ELSE "RateWindow"."windowStart" END,
      "updatedAt" = ${now}
    RETURNING count`;
  const count = Number(rows[0]?.count ?? Number.POSITIVE_INFINITY);
  return { allowed: count <= SIGN_IN_MAX_FAILURES };
}

export async function clearFailedSignIns(db: DbOrTx, email: string): Promise<void> {
  await db.rateWindow.deleteMany({ where: { key: keyFor(email) } });
}
