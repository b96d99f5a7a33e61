// The Credentials provider's check: email + password → the user id to put in the session, or null.
// Every refusal looks the same to the caller (unknown email, wrong password, deactivated account), and
// costs the same scrypt work, so neither the message nor the timing tells which accounts exist. Every
// attempt is counted before any password work, and one past the window's limit is refused without it
// (sign-in-throttle.ts), so parallel guesses cannot outrun the lock.
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { hashPassword, verifyPassword } from "./password";
import { SIGN_IN_LOCKED_CODE } from "./sign-in-messages";
import { clearFailedSignIns, takeSignInAttempt } from "./sign-in-throttle";

/** Thrown for a locked address; next-auth hands its message to the form as the error code. */
export class SignInLocked extends Error {
  constructor() {
    super(SIGN_IN_LOCKED_CODE);
  }
}

export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

export type TAuthorizedUser = { id: string; email: string; name: string };

let dummyHash: Promise<string> | undefined;
function hashForMissingUser(): Promise<string> {
  dummyHash ??= hashPassword("signalhouse-no-such-user");
  return dummyHash;
}

export async function authorizeCredentials(
  db: Db,
  credentials: unknown,
  now: Date = new Date(),
): Promise<TAuthorizedUser | null> {
  const parsed = ZCredentials.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (!(await takeSignInAttempt(db, email, now)).allowed) throw new SignInLocked();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, active: true, role: true, organizationId: true },
  });
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await hashForMissingUser()));
  // A failure was already counted by takeSignInAttempt.
  if (!user || !passwordMatches || !user.active) return null;
  // Mirrors loadSessionUser: a session it would refuse must not be issued in the first place.
  if (user.role === "hirer" && !user.organizationId) return null;
  await clearFailedSignIns(db, email);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAudit(tx, {
      actorUserId: user.id,
      organizationId: user.organizationId,
      action: "user.sign_in",
      targetType: "user",
      targetId: user.id,
    });
  });
  return { id: user.id, email: user.email, name: user.name };
}
