"use server";
// Admin → users page: make a user an admin, or a hirer of one organization (never the last active admin).
import { revalidatePath } from "next/cache";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { changeUserRole } from "../users/change-user-role";
import { ZChangeUserRoleInput } from "../users/user-role-rules";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

export async function changeUserRoleAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(async () => {
    const admin = await authorizeAdmin();
    const input = ZChangeUserRoleInput.parse(formFields(formData));
    const result = await changeUserRole(db(), scopeFor(admin), input);
    revalidatePath("/admin/users");
    const message = !result.changed
      ? `${result.email} already has this role.`
      : input.role === "admin"
        ? `${result.email} is now an administrator.`
        : `${result.email} is now a hirer.`;
    return { message, data: null };
  });
}
