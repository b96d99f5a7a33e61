// What the detail page's Retry now and Cancel actions share: an admin, the named deliveries from the
// form, the change, and the page data refreshed.
import { revalidatePath } from "next/cache";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import {
  describeChange,
  type TAdminDeliveryChangeResult,
  ZAdminDeliveryChangeInput,
} from "../delivery-log/admin-delivery-change";
import type { TChangeVerb } from "../delivery-log/change-deliveries";
import { changeNamedDeliveries } from "../delivery-log/change-named-deliveries";
import type { TActionState } from "./action-state";
import { runAction } from "./run-action";

export function changeDeliveryAction(
  verb: TChangeVerb,
  formData: FormData,
): Promise<TActionState<TAdminDeliveryChangeResult>> {
  return runAction(async () => {
    const admin = await authorizeAdmin();
    const input = ZAdminDeliveryChangeInput.parse({ deliveryIds: formData.getAll("deliveryId") });
    const result = await changeNamedDeliveries(db(), scopeFor(admin), verb, input, { actorLabel: admin.email });
    revalidatePath("/deliveries", "layout");
    return { message: describeChange(result, verb), data: result };
  });
}
