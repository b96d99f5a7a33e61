"use server";
// Admin → API keys page: revoke a partner key (refused by the API from the next request on).
import { revalidatePath } from "next/cache";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { revokePartnerKey, ZRevokePartnerKeyInput } from "../partner-keys/revoke-partner-key";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

export async function revokePartnerKeyAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(async () => {
    const input = ZRevokePartnerKeyInput.parse(formFields(formData));
    const admin = await authorizeAdmin();
    await revokePartnerKey(db(), scopeFor(admin), input);
    revalidatePath("/admin/api-keys");
    return { message: "Partner key revoked.", data: null };
  });
}
