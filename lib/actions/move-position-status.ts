"use server";
// Position page → "Move to": the same status change the v1 API makes, as the signed-in person.
import { revalidatePath } from "next/cache";
import { authorizeEditor } from "../auth/guards";
import { scopeFor } from "../data/scope";
import { db } from "../db/client";
import { movePositionStatus, ZMovePositionInput } from "../status-moves/move-position-status";
import type { TActionState } from "./action-state";
import { queuedMessage } from "./queued-message";
import { formFields, runAction } from "./run-action";

export async function movePositionStatusAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return runAction(async () => {
    const input = ZMovePositionInput.parse(formFields(formData));
    const user = await authorizeEditor();
    const result = await movePositionStatus(db(), scopeFor(user), input);
    revalidatePath("/positions/[positionId]", "page");
    revalidatePath("/positions");
    return { message: `Moved. ${queuedMessage(result.deliveries.length)}`, data: null };
  });
}
