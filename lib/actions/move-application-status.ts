"use server";
// Application page → "Move to": the same status change the v1 API makes, as the signed-in person.
import { revalidatePath } from "next/cache";
import { authorizeEditor } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { moveApplicationStatus, ZMoveApplicationInput } from "../status-moves/move-application-status";
import type { TActionState } from "./action-state";
import { queuedMessage } from "./queued-message";
import { formFields, runAction } from "./run-action";

export async function moveApplicationStatusAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(async () => {
    const input = ZMoveApplicationInput.parse(formFields(formData));
    const user = await authorizeEditor();
    const result = await moveApplicationStatus(db(), scopeFor(user), input);
    revalidatePath("/applications/[applicationId]", "page");
    revalidatePath("/positions/[positionId]", "page");
    return { message: `Moved. ${queuedMessage(result.deliveries.length)}`, data: null };
  });
}
