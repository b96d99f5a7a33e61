"use server";
// Overview: pause or resume one channel's deliveries (admins only; audited).
import { revalidatePath } from "next/cache";
import { authorizeAdmin } from "../auth/guards";
import {
  describePauseResult,
  setChannelPaused,
  type TSetChannelPausedResult,
  ZSetChannelPausedInput,
} from "../dashboard/set-channel-paused";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import type { TActionState } from "./action-state";
import { formFields, runAction } from "./run-action";

export async function setChannelPausedAction(
  _prev: TActionState<TSetChannelPausedResult>,
  formData: FormData,
): Promise<TActionState<TSetChannelPausedResult>> {
  return runAction(async () => {
    const admin = await authorizeAdmin();
    const input = ZSetChannelPausedInput.parse(formFields(formData));
    const result = await setChannelPaused(db(), scopeFor(admin), input);
    revalidatePath("/");
    return { message: describePauseResult(result), data: result };
  });
}
