"use server";
// /setup form → the first admin (only while none exists); the form then signs the new admin in.
import { createFirstAdmin, ZFirstAdminInput } from "../auth/create-first-admin";
import { db } from "../db/client";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

export async function createFirstAdminAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(async () => {
    const input = ZFirstAdminInput.parse(formFields(formData));
    // No session guard: this action is open exactly while no admin exists, which createFirstAdmin
    // re-checks under a lock inside its transaction.
    await createFirstAdmin(db(), input);
    return { message: "Administrator created.", data: null };
  });
}
