"use server";
// Admin → organization page: save SEEK / LinkedIn settings (the LinkedIn client secret is write-only).
import { revalidatePath } from "next/cache";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { env } from "../env";
import { ZIntegrationSettingsInput } from "../organizations/organization-fields";
import { updateIntegrationSettings } from "../organizations/update-integration-settings";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

export async function updateIntegrationSettingsAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(async () => {
    const input = ZIntegrationSettingsInput.parse(formFields(formData));
    const admin = await authorizeAdmin();
    await updateIntegrationSettings(db(), scopeFor(admin), input, env().SIGNALHOUSE_ENCRYPTION_KEY);
    revalidatePath("/admin/organizations");
    revalidatePath(`/admin/organizations/${input.organizationId}`);
    return { message: "Settings saved.", data: null };
  });
}
