"use server";
// Deliveries page: send a pending, failed or dead delivery now (refused while a worker holds it).
import type { TAdminDeliveryChangeResult } from "../delivery-log/admin-delivery-change";
import type { TActionState } from "./action-state";
import { changeDeliveryAction } from "./change-delivery-action";

export async function retryDeliveryNowAction(
  _prev: TActionState<TAdminDeliveryChangeResult>,
  formData: FormData,
): Promise<TActionState<TAdminDeliveryChangeResult>> {
  return changeDeliveryAction("retry", formData);
}
