"use server";
// Failures page: acknowledge, resolve or reopen one failure group (organization + channel + error code).
import { revalidatePath } from "next/cache";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { markFailureGroup, ZFailureGroupMarkInput } from "../delivery-log/failure-groups/mark-failure-group";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

const DONE = { acknowledged: "Acknowledged", resolved: "Resolved", open: "Reopened" } as const;

export async function markFailureGroupAction(
  _prev: TActionState<null>,
  formData: FormData,
): Promise<TActionState<null>> {
  return runAction(async () => {
    const admin = await authorizeAdmin();
    const input = ZFailureGroupMarkInput.parse(formFields(formData));
    await markFailureGroup(db(), scopeFor(admin), input, { byLabel: admin.email });
    revalidatePath("/failures");
    return { message: `${DONE[input.status]}: ${input.channel} ${input.errorCode}.`, data: null };
  });
}
