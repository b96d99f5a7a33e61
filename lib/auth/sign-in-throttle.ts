// Failed sign-ins are counted per email address in a fixed window shared by every server process (the
// RateWindow table): after SIGN_IN_MAX_FAILURES in SIGN_IN_WINDOW_MS the address is refused, right
// password or not, until the window ends. Unknown addresses are counted the same way, so the lock says
// nothing about which accounts exist. A successful sign-in clears the count. (docs/decisions/0015)
import { createHash } from "node:crypto";
import type { DbOrTx } from "../db/tx";

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_MAX_FAILURES = 10;

// The key holds a hash: the table is shared with delivery throttles and shown in no page, but an email
// address has no business sitting in it.
const keyFor = (email: string) => `signin:${createHash("sha256").update(email).digest("hex")}`;

/** When the lock on this address ends, or null when it may try. */
export async function signInLockedUntil(db: DbOrTx, email: string, now: Date): Promise<Date | null> {
  const row = await db.rateWindow.findUnique({ where: { key: keyFor(email) } });
  if (!row || row.count < SIGN_IN_MAX_FAILURES) return null;
  const ends = new Date(row.windowStart.getTime() + SIGN_IN_WINDOW_MS);
  return ends > now ? ends : null;
}

export async function recordFailedSignIn(db: DbOrTx, email: string, now: Date): Promise<void> {
  const windowOpen = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  // One statement, so concurrent failures all count: a window that has ended starts again at 1.
  await db.$executeRaw`
    INSERT INTO "RateWindow" (key, "windowStart", count, "updatedAt") VALUES (${keyFor(email)}, ${now}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateWindow"."windowStart" <= ${windowOpen} THEN 1 ELSE "RateWindow".count + 1 END,
      "windowStart" = CASE WHEN "RateWindow"."windowStart" <= ${windowOpen} THEN ${now} ELSE "RateWindow"."windowStart" END,
      "updatedAt" = ${now}`;
}

export async function clearFailedSignIns(db: DbOrTx, email: string): Promise<void> {
  await db.rateWindow.deleteMany({ where: { key: keyFor(email) } });
}
