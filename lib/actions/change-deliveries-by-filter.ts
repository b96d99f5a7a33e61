"use server";
// Deliveries page: bulk retry / cancel of everything matching the current filter, in two steps. The
// count step re-reads the filter on the server and answers how many rows the change would touch; the
// change step re-parses the same filter with the same schema and changes exactly what matches it then.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import {
  changeDeliveriesByFilter,
  countChangeableDeliveries,
  describeBulkChange,
  type TBulkChangeResult,
} from "../delivery-log/change-deliveries-by-filter";
import { describeFilter, ZDeliveryLogFilter } from "../delivery-log/delivery-log-filter";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

const ZVerb = z.enum(["retry", "cancel"]);

/** The form's fields: the filter as in the URL, plus what to do (and, to change, the confirmed count). */
function parseForm(formData: FormData) {
  const { verb, confirmedCount, ...filter } = formFields(formData);
  return { verb: ZVerb.parse(verb), confirmedCount, filter: ZDeliveryLogFilter.parse(filter) };
}

export type TBulkCount = { verb: "retry" | "cancel"; count: number; filter: string };

export async function countBulkDeliveryChangeAction(
  _prev: TActionState<TBulkCount>,
  formData: FormData,
): Promise<TActionState<TBulkCount>> {
  return runAction(async () => {
    const admin = await authorizeAdmin();
    const { verb, filter } = parseForm(formData);
    const count = await countChangeableDeliveries(db(), scopeFor(admin), verb, filter);
    return { message: "", data: { verb, count, filter: describeFilter(filter) } };
  });
}

export async function changeDeliveriesByFilterAction(
  _prev: TActionState<TBulkChangeResult>,
  formData: FormData,
): Promise<TActionState<TBulkChangeResult>> {
  return runAction(async () => {
    const admin = await authorizeAdmin();
    const { verb, filter, confirmedCount } = parseForm(formData);
    const confirmed = z.coerce.number().int().min(1).parse(confirmedCount);
    const result = await changeDeliveriesByFilter(
      db(),
      scopeFor(admin),
      verb,
      { filter, confirmedCount: confirmed },
      {
        actorLabel: admin.email,
      },
    );
    revalidatePath("/deliveries", "layout");
    return { message: describeBulkChange(result, verb), data: result };
  });
}
