"use server";
// Admin → API keys page: create a partner key; the full key goes back to the browser once.
import { revalidatePath } from "next/cache";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { createPartnerKey, ZCreatePartnerKeyInput } from "../partner-keys/create-partner-key";
import type { TActionState } from "./action-state";
import type { TNewApiKey } from "./create-api-key";
import { formFields, runAction } from "./run-action";

export async function createPartnerKeyAction(
  _prev: TActionState<TNewApiKey>,
  formData: FormData,
): Promise<TActionState<TNewApiKey>> {
  return runAction(async () => {
    const input = ZCreatePartnerKeyInput.parse(formFields(formData));
    const admin = await authorizeAdmin();
    const created = await createPartnerKey(db(), scopeFor(admin), input);
    revalidatePath("/admin/api-keys");
    return {
      message: `Created the partner key “${created.name}”.`,
      data: { name: created.name, prefix: created.prefix, key: created.key },
    };
  });
}
