"use server";
// Admin → users page: add a hirer (in an organization) or an admin, with an initial password.
import { revalidatePath } from "next/cache";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { createUser, ZCreateUserInput } from "../users/create-user";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

export async function createUserAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(async () => {
    const input = ZCreateUserInput.parse(formFields(formData));
    const admin = await authorizeAdmin();
    const user = await createUser(db(), scopeFor(admin), input);
    revalidatePath("/admin/users");
    return { message: `Created ${user.email}. Give them their initial password.`, data: null };
  });
}
