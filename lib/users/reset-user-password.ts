// An admin resets someone's password: to one the admin types, or to one the app makes up. Either way the
// caller shows it once and nothing keeps it: only its hash is stored, and the audit row says only that a
// reset happened and whether the password was generated. Every session the person had ends (their
// cookies predate sessionsValidFrom), so whoever knew the old password is out at once.
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import { ZNewPassword } from "../auth/password-rules";
import { inScope, type TAllOrganizationsScope } from "../data/scope";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { generateTemporaryPassword } from "./temporary-password";

export const ZResetUserPasswordInput = z.discriminatedUnion(
  "mode",
  [
    z.object({ userId: z.string().trim().min(1, "Choose a user"), mode: z.literal("generate") }),
    z.object({ userId: z.string().trim().min(1, "Choose a user"), mode: z.literal("set"), password: ZNewPassword }),
  ],
  "Choose whether to generate a password or set one",
);
export type TResetUserPasswordInput = z.infer<typeof ZResetUserPasswordInput>;

export type TPasswordReset = { email: string; temporaryPassword: string; generated: boolean };

export async function resetUserPassword(
  db: Db,
  scope: TAllOrganizationsScope,
  input: TResetUserPasswordInput,
  now: Date,
  generate: () => string = generateTemporaryPassword,
): Promise<TPasswordReset> {
  // Resetting one's own password here would sign the admin out mid-page; the account page asks for the
  // current password instead, which is the check a reset skips.
  if (input.userId === scope.actorUserId) {
    throw new AppError("UNPROCESSABLE", "To change your own password, use Change password in your account.");
  }
  const generated = input.mode === "generate";
  const temporaryPassword = input.mode === "generate" ? generate() : input.password;
  const passwordHash = await hashPassword(temporaryPassword);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: inScope(scope, { id: input.userId }),
      select: { id: true, email: true, organizationId: true },
    });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionsValidFrom: now } });
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      organizationId: user.organizationId,
      action: "user.password_reset",
      targetType: "user",
      targetId: user.id,
      details: { email: user.email, generated, sessionsEnded: true },
    });
    return { email: user.email, temporaryPassword, generated };
  });
}
