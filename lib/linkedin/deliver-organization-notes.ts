// One organization's share of a send: its credentials, its changes planned into ordered requests per
// application (plan-note-requests.ts), and the applications sent side by side in lanes; within one, a
// change is never sent while an earlier one still has to be retried (docs/decisions/0050). Each
// request's steps (token, throttle, send, answer) are in organization-send.ts.
import { loadLinkedinCredentials } from "./credentials";
import { CONFIG_BACKOFF_MS, OrganizationSend, type OrganizationSendDeps } from "./organization-send";
import { type NoteChange, planNoteRequests } from "./plan-note-requests";
import type { SendCollector } from "./send-collector";

export async function deliverOrganizationNotes(
  organizationId: string,
  changes: readonly NoteChange[],
  deps: OrganizationSendDeps,
  out: SendCollector,
): Promise<void> {
  const found = await loadLinkedinCredentials(deps.db, organizationId, deps.settings);
  if (!found.ok) {
    // Not `failed`: the notes are kept and go out once the organization is configured (decision 0052).
    out.retry(changes, { code: found.code, message: found.message });
    out.backOff(new Date(deps.context.now().getTime() + CONFIG_BACKOFF_MS), found.message);
    return;
  }
  const send = new OrganizationSend(found.credentials, deps, out);
  await inLanes(planNoteRequests(changes), deps.concurrency, (plan) => send.inOrder(plan.requests));
}

/** Runs `work` over the items with at most `concurrency` at a time; rethrows the first failure once all stopped. */
async function inLanes<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await work(item);
  };
  // allSettled: a lane that throws must not leave the others sending after this send has returned.
  const lanes = await Promise.allSettled(
    Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane),
  );
  const broken = lanes.find((l) => l.status === "rejected");
  if (broken) throw broken.reason;
}
