"use server";
// Admin → organizations page: add an organization (name, slug).
import { revalidatePath } from "next/cache";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { createOrganization, ZCreateOrganizationInput } from "../organizations/create-organization";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

export async function createOrganizationAction(
  _prev: TActionState<{ id: string }>,
  formData: FormData,
): Promise<TActionState<{ id: string }>> {
  return runAction(async () => {
    const input = ZCreateOrganizationInput.parse(formFields(formData));
    const admin = await authorizeAdmin();
    const org = await createOrganization(db(), scopeFor(admin), input);
    revalidatePath("/admin/organizations");
    return { message: `Created ${org.name} (${org.slug}).`, data: { id: org.id } };
  });
}
