"use server";
// Admin → users page: reset a user's password (typed or generated); the page shows it once, here only.
import { revalidatePath } from "next/cache";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { resetUserPassword, ZResetUserPasswordInput } from "../users/reset-user-password";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

export type TPasswordResetShown = { email: string; temporaryPassword: string };

export async function resetUserPasswordAction(
  _prev: TActionState<TPasswordResetShown>,
  formData: FormData,
): Promise<TActionState<TPasswordResetShown>> {
  return runAction(async () => {
    const admin = await authorizeAdmin();
    const input = ZResetUserPasswordInput.parse(formFields(formData));
    const reset = await resetUserPassword(db(), scopeFor(admin), input, new Date());
    revalidatePath("/admin/users");
    return {
      message: `Password reset for ${reset.email}; their sessions have ended.`,
      data: { email: reset.email, temporaryPassword: reset.temporaryPassword },
    };
  });
}
