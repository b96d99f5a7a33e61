"use server";
// Position and application pages → "Retry" on a failed delivery of the hirer's own organization.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeEditor } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { retryOwnFailedDelivery } from "../delivery-log/retry-own-failed-delivery";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

const ZRetryInput = z.object({ deliveryId: z.string().trim().min(1).max(100) });

export async function retryOwnDeliveryAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(async () => {
    const { deliveryId } = ZRetryInput.parse(formFields(formData));
    const user = await authorizeEditor();
    await retryOwnFailedDelivery(db(), scopeFor(user), deliveryId);
    revalidatePath("/applications/[applicationId]", "page");
    revalidatePath("/positions/[positionId]", "page");
    return { message: "Queued to be sent again now.", data: null };
  });
}
