"use server";
// Deliveries page: cancel a pending, failed or dead delivery so it is never sent.
import { revalidatePath } from "next/cache";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import {
  describeChange,
  type TAdminDeliveryChangeResult,
  ZAdminDeliveryChangeInput,
} from "../delivery-log/admin-delivery-change";
import { cancelDeliveries } from "../delivery-log/cancel-deliveries";
import type { TActionState } from "./action-state";
import { runAction } from "./run-action";

export async function cancelDeliveryAction(
  _prev: TActionState<TAdminDeliveryChangeResult>,
  formData: FormData,
): Promise<TActionState<TAdminDeliveryChangeResult>> {
  return runAction(async () => {
    const admin = await authorizeAdmin();
    const input = ZAdminDeliveryChangeInput.parse({ deliveryIds: formData.getAll("deliveryId") });
    const result = await cancelDeliveries(db(), scopeFor(admin), input, { actorLabel: admin.email });
    revalidatePath("/deliveries", "layout");
    return { message: describeChange(result, "cancel"), data: result };
  });
}
