"use server";
// Deliveries page: the first step of retrying or cancelling the rows an admin ticked. The server counts
// how many of them the change would touch now, so the confirmation names a number the server vouched
// for ("Retry 7 of the 9 selected?"); the change itself is retryDeliveryNowAction / cancelDeliveryAction
// with the same ids, which say why any row was left alone.
import { z } from "zod";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { ZAdminDeliveryChangeInput } from "../delivery-log/admin-delivery-change";
import { countChangeableNamed } from "../delivery-log/change-named-deliveries";
import type { TActionState } from "./action-state";
import { runAction } from "./run-action";

const ZVerb = z.enum(["retry", "cancel"]);

export type TSelectedCount = { verb: "retry" | "cancel"; count: number; selected: number };

export async function countSelectedDeliveriesAction(
  _prev: TActionState<TSelectedCount>,
  formData: FormData,
): Promise<TActionState<TSelectedCount>> {
  return runAction(async () => {
    const admin = await authorizeAdmin();
    const verb = ZVerb.parse(formData.get("verb"));
    const input = ZAdminDeliveryChangeInput.parse({ deliveryIds: formData.getAll("deliveryId") });
    const count = await countChangeableNamed(db(), scopeFor(admin), verb, input);
    return { message: "", data: { verb, count, selected: new Set(input.deliveryIds).size } };
  });
}
