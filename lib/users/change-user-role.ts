// An admin makes a hirer an admin (who then sees every organization) or an admin a hirer of one
// organization. The change applies on the person's next request (every request reloads the user), so no
// session needs to end. The last active admin is never demoted (user-role-rules.ts).
import { recordAudit } from "../audit/record-audit";
import { inScope, organizationsInScope, type TAllOrganizationsScope } from "../data/scope";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { countActiveAdminsForUpdate } from "./count-active-admins";
import { assertKeepsAnActiveAdmin, type TChangeUserRoleInput } from "./user-role-rules";

export type TRoleChangeResult = { email: string; changed: boolean };

export async function changeUserRole(
  db: Db,
  scope: TAllOrganizationsScope,
  input: TChangeUserRoleInput,
): Promise<TRoleChangeResult> {
  return db.$transaction(async (tx) => {
    const activeAdmins = await countActiveAdminsForUpdate(tx);
    const user = await tx.user.findFirst({
      where: inScope(scope, { id: input.userId }),
      select: { id: true, email: true, role: true, active: true, organizationId: true },
    });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    if (user.role === input.role && user.organizationId === input.organizationId) {
      return { email: user.email, changed: false };
    }
    if (user.role === "admin" && input.role === "hirer") {
      assertKeepsAnActiveAdmin({ target: user, activeAdmins }, { kind: "demote" });
    }
    if (input.organizationId) {
      const org = await tx.organization.findFirst({
        where: organizationsInScope(scope, { id: input.organizationId }),
        select: { id: true },
      });
      if (!org) {
        throw new AppError("NOT_FOUND", "No such organization.", [
          { path: ["organizationId"], message: "No such organization" },
        ]);
      }
    }
    await tx.user.update({
      where: { id: user.id },
      data: { role: input.role, organizationId: input.organizationId },
    });
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      organizationId: input.organizationId ?? user.organizationId,
      action: "user.role_change",
      targetType: "user",
      targetId: user.id,
      details: {
        email: user.email,
        from: { role: user.role, organizationId: user.organizationId },
        to: { role: input.role, organizationId: input.organizationId },
      },
    });
    return { email: user.email, changed: true };
  });
}
