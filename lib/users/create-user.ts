// An admin adds a person: a hirer belongs to exactly one organization; an admin to none (sees all).
// The admin sets an initial password and passes it on; emails are unique and compared lowercased.
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import { ZEmail, ZNewPassword, ZPersonName } from "../auth/password-rules";
import { organizationsInScope, type TAllOrganizationsScope } from "../data/scope";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../errors/app-error";

export const ZCreateUserInput = z
  .object({
    name: ZPersonName,
    email: ZEmail,
    role: z.enum(["admin", "hirer"], "Choose a role"),
    organizationId: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : undefined)),
    password: ZNewPassword,
  })
  .refine((input) => input.role === "admin" || input.organizationId, {
    path: ["organizationId"],
    message: "A hirer needs an organization",
  });
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export async function createUser(
  db: Db,
  scope: TAllOrganizationsScope,
  input: TCreateUserInput,
): Promise<{ id: string; email: string }> {
  const organizationId = input.role === "hirer" ? (input.organizationId ?? null) : null;
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      if (organizationId) {
        const org = await tx.organization.findFirst({
          where: organizationsInScope(scope, { id: organizationId }),
          select: { id: true },
        });
        if (!org)
          throw new AppError("NOT_FOUND", "No such organization.", [
            { path: ["organizationId"], message: "No such organization" },
          ]);
      }
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, organizationId, passwordHash },
        select: { id: true, email: true },
      });
      await recordAudit(tx, {
        actorUserId: scope.actorUserId,
        organizationId,
        action: "user.create",
        targetType: "user",
        targetId: user.id,
        details: { email: user.email, role: input.role },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "A user with this email already exists.", [
        { path: ["email"], message: "A user with this email already exists" },
      ]);
    }
    throw error;
  }
}
