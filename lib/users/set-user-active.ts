// Deactivating a user stops their sign-ins and, because every request reloads the user, their current
// session too, for good (sessions from before the deactivation stay refused after a reactivation). An admin cannot deactivate themselves, which also means at least one admin stays active.
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { inScope, type TScope } from "../data/scope";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { countActiveAdminsForUpdate } from "./count-active-admins";
import { assertKeepsAnActiveAdmin } from "./user-role-rules";

export const ZSetUserActiveInput = z.object({
  userId: z.string().min(1),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type TSetUserActiveInput = z.infer<typeof ZSetUserActiveInput>;

export async function setUserActive(db: Db, scope: TScope, input: TSetUserActiveInput): Promise<void> {
  if (!input.active && input.userId === scope.actorUserId) {
    throw new AppError("UNPROCESSABLE", "You cannot deactivate your own account.");
  }
  await db.$transaction(async (tx) => {
    if (!input.active) {
      // Two admins deactivating each other at once would otherwise leave none.
      const activeAdmins = await countActiveAdminsForUpdate(tx);
      const target = await tx.user.findFirst({
        where: inScope(scope, { id: input.userId }),
        select: { role: true, active: true },
      });
      if (target) assertKeepsAnActiveAdmin({ target, activeAdmins }, { kind: "deactivate" });
    }
    const { count } = await tx.user.updateMany({
      where: inScope(scope, { id: input.userId }),
      // Deactivation also ends every session signed in before it, for good: reactivating lets the
      // person sign in again, it does not revive a cookie an admin meant to cut off.
      data: input.active ? { active: true } : { active: false, sessionsValidFrom: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "No such user.");
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      action: input.active ? "user.reactivate" : "user.deactivate",
      targetType: "user",
      targetId: input.userId,
    });
  });
}
