"use server";
// Admin → API keys page: revoke a key (refused by the API from the next request on).
import { revalidatePath } from "next/cache";
import { revokeApiKey, ZRevokeApiKeyInput } from "../api-keys/revoke-api-key";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

export async function revokeApiKeyAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(async () => {
    const input = ZRevokeApiKeyInput.parse(formFields(formData));
    const admin = await authorizeAdmin();
    await revokeApiKey(db(), scopeFor(admin), input);
    revalidatePath("/admin/api-keys");
    return { message: "Key revoked.", data: null };
  });
}
