// The /setup page's one job: create the first admin, only while there is none. The "is there an admin?"
// check runs inside the transaction under an advisory lock, so two people submitting the form at once
// cannot both become the first admin (a plain count-then-insert would let both through).
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../errors/app-error";
import { hashPassword } from "./password";
import { ZEmail, ZNewPassword, ZPersonName } from "./password-rules";

export const ZFirstAdminInput = z.object({ name: ZPersonName, email: ZEmail, password: ZNewPassword });
export type TFirstAdminInput = z.infer<typeof ZFirstAdminInput>;

// Any constant shared by every caller; pg_advisory_xact_lock releases it at commit or rollback.
const SETUP_LOCK_KEY = 4_242_001;

export const SETUP_CLOSED_MESSAGE = "Setup is already complete: an administrator exists. Sign in instead.";

export async function createFirstAdmin(db: Db, input: TFirstAdminInput): Promise<{ id: string }> {
  // Hash before the transaction: scrypt takes a while and must not hold the lock.
  const passwordHash = await hashPassword(input.password);
  return insertFirstAdmin(db, { name: input.name, email: input.email, passwordHash });
}

/** The locked check-and-insert on its own (exported so a test can race it without scrypt in the way). */
export async function insertFirstAdmin(
  db: Db,
  admin: { name: string; email: string; passwordHash: string },
): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`;
      if ((await tx.user.count({ where: { role: "admin" } })) > 0) throw new AppError("CONFLICT", SETUP_CLOSED_MESSAGE);
      const user = await tx.user.create({ data: { ...admin, role: "admin" }, select: { id: true } });
      await recordAudit(tx, {
        actorUserId: user.id,
        action: "setup.create_first_admin",
        targetType: "user",
        targetId: user.id,
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "A user with this email already exists.");
    throw error;
  }
}
