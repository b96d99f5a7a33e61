"use server";
// Deliveries page: cancel a pending, failed or dead delivery so it is never sent.
import type { TAdminDeliveryChangeResult } from "../delivery-log/admin-delivery-change";
import type { TActionState } from "./action-state";
import { changeDeliveryAction } from "./change-delivery-action";

export async function cancelDeliveryAction(
  _prev: TActionState<TAdminDeliveryChangeResult>,
  formData: FormData,
): Promise<TActionState<TAdminDeliveryChangeResult>> {
  return changeDeliveryAction("cancel", formData);
}
