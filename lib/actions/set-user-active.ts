"use server";
// Admin → users page: deactivate or reactivate a user (never oneself).
import { revalidatePath } from "next/cache";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { setUserActive, ZSetUserActiveInput } from "../users/set-user-active";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

export async function setUserActiveAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(async () => {
    const input = ZSetUserActiveInput.parse(formFields(formData));
    const admin = await authorizeAdmin();
    await setUserActive(db(), scopeFor(admin), input);
    revalidatePath("/admin/users");
    return { message: input.active ? "User reactivated." : "User deactivated.", data: null };
  });
}
