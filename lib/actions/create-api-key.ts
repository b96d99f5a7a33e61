"use server";
// Admin → API keys page: create a key for one organization; the full key goes back to the browser once.
import { revalidatePath } from "next/cache";
import { createApiKey, ZCreateApiKeyInput } from "../api-keys/create-api-key";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

export type TNewApiKey = { name: string; prefix: string; key: string };

export async function createApiKeyAction(
  _prev: TActionState<TNewApiKey>,
  formData: FormData,
): Promise<TActionState<TNewApiKey>> {
  return runAction(async () => {
    const input = ZCreateApiKeyInput.parse(formFields(formData));
    const admin = await authorizeAdmin();
    const created = await createApiKey(db(), scopeFor(admin), input);
    revalidatePath("/admin/api-keys");
    return {
      message: `Created the key “${created.name}”.`,
      data: { name: created.name, prefix: created.prefix, key: created.key },
    };
  });
}
