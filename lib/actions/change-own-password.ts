"use server";
// Account → change password: any signed-in user (not a portal session: it has no password here).
import { authorizeUser } from "../auth/guards";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { changeOwnPassword, ZChangeOwnPasswordInput } from "../users/change-own-password";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

export async function changeOwnPasswordAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(async () => {
    const user = await authorizeUser();
    if (user.portal) throw new AppError("FORBIDDEN", "Your ATS signs you in here; change your password there.");
    const input = ZChangeOwnPasswordInput.parse(formFields(formData));
    await changeOwnPassword(db(), user.id, input, new Date());
    return { message: "Password changed. Every other session has been signed out.", data: null };
  });
}
