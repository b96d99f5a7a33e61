"use server";
// Deliveries page: send a pending, failed or dead delivery now (refused while a worker holds it).
import { revalidatePath } from "next/cache";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import {
  describeChange,
  type TAdminDeliveryChangeResult,
  ZAdminDeliveryChangeInput,
} from "../delivery-log/admin-delivery-change";
import { retryDeliveriesNow } from "../delivery-log/retry-deliveries-now";
import type { TActionState } from "./action-state";
import { runAction } from "./run-action";

export async function retryDeliveryNowAction(
  _prev: TActionState<TAdminDeliveryChangeResult>,
  formData: FormData,
): Promise<TActionState<TAdminDeliveryChangeResult>> {
  return runAction(async () => {
    const admin = await authorizeAdmin();
    const input = ZAdminDeliveryChangeInput.parse({ deliveryIds: formData.getAll("deliveryId") });
    const result = await retryDeliveriesNow(db(), scopeFor(admin), input);
    revalidatePath("/deliveries", "layout");
    return { message: describeChange(result, "retry"), data: result };
  });
}
