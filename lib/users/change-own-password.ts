// Anyone signed in changes their own password: the current one first (a borrowed, unlocked screen must
// not be enough), then a new one under the same rules as the setup page. Every session signed in before
// now ends; the page signs this browser in again with the new password so the person stays signed in.
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { hashPassword, verifyPassword } from "../auth/password";
import { ZNewPassword } from "../auth/password-rules";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

export const ZChangeOwnPasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(256, "Use at most 256 characters"),
    newPassword: ZNewPassword,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ: type the same one twice",
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one",
  });
export type TChangeOwnPasswordInput = z.infer<typeof ZChangeOwnPasswordInput>;

export async function changeOwnPassword(
  db: Db,
  userId: string,
  input: TChangeOwnPasswordInput,
  now: Date,
): Promise<void> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, organizationId: true, passwordHash: true, active: true },
  });
  if (!user?.active) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("UNPROCESSABLE", "Your current password is not right.", [
      { path: ["currentPassword"], message: "This is not your current password" },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    // Only if the hash is still the one checked: two changes at once cannot both win on a stale check.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, sessionsValidFrom: now },
    });
    if (count === 0) throw new AppError("CONFLICT", "Your password was just changed elsewhere. Sign in again.");
    await recordAudit(tx, {
      actorUserId: user.id,
      organizationId: user.organizationId,
      action: "user.password_change",
      targetType: "user",
      targetId: user.id,
      details: { sessionsEnded: true },
    });
  });
}
