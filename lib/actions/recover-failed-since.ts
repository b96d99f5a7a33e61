"use server";
// Failures page: "recover everything that failed since …", in two steps like every bulk change: the
// server counts by channel and error what gave up since the moment, the admin confirms the total, the
// server retries what matches then.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAdmin } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { ZLogTime } from "../delivery-log/delivery-log-filter";
import {
  countFailedSince,
  describeRecovery,
  recoverFailedSince,
  type TRecoveryPlan,
} from "../delivery-log/failure-groups/recover-failed-since";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

const ZSince = z.object({ since: ZLogTime });
const ZRecover = ZSince.extend({ confirmedCount: z.coerce.number().int().min(1) });

export async function countFailedSinceAction(
  _prev: TActionState<TRecoveryPlan>,
  formData: FormData,
): Promise<TActionState<TRecoveryPlan>> {
  return runAction(async () => {
    const admin = await authorizeAdmin();
    const { since } = ZSince.parse(formFields(formData));
    return { message: "", data: await countFailedSince(db(), scopeFor(admin), since) };
  });
}

export async function recoverFailedSinceAction(
  _prev: TActionState<{ retried: number; confirmed: number }>,
  formData: FormData,
): Promise<TActionState<{ retried: number; confirmed: number }>> {
  return runAction(async () => {
    const admin = await authorizeAdmin();
    const { since, confirmedCount } = ZRecover.parse(formFields(formData));
    const result = await recoverFailedSince(
      db(),
      scopeFor(admin),
      { since, confirmedCount },
      { actorLabel: admin.email },
    );
    revalidatePath("/failures");
    revalidatePath("/deliveries", "layout");
    return { message: describeRecovery(result, since), data: result };
  });
}
