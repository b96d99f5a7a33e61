// What retry-now and cancel share: their input, and the words for a row they left alone. Both change rows
// with one conditional UPDATE (WHERE id IN … AND state IN …), so a row a worker claimed a moment earlier
// simply does not match; the reasons are read afterwards, only to tell the admin why.
import { z } from "zod";
import { inScope, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { IDENTIFIER_LIFETIME_DAYS } from "../delivery/enqueue/identifier-expiry";
import { AppError } from "../errors/app-error";
import type { DeliveryState } from "../generated/prisma/enums";

export const ZAdminDeliveryChangeInput = z.object({
  deliveryIds: z
    .array(z.string().trim().min(1).max(100))
    .min(1, "Choose at least one delivery.")
    .max(100, "At most 100 deliveries at once."),
});
export type TAdminDeliveryChangeInput = z.infer<typeof ZAdminDeliveryChangeInput>;

export type TRefusal = { id: string; state: DeliveryState | null; reason: string };
export type TAdminDeliveryChangeResult = { changed: string[]; refused: TRefusal[] };

type Verb = "retry" | "cancel";

function reasonFor(
  row: { id: string; state: DeliveryState; leaseOwner: string | null; leaseExpiresAt: Date | null },
  verb: Verb,
  now: Date,
): string {
  const what = verb === "retry" ? "retried" : "cancelled";
  switch (row.state) {
    case "in_flight":
      return row.leaseExpiresAt && row.leaseExpiresAt > now
        ? `Delivery ${row.id} is being sent right now by worker ${row.leaseOwner ?? "?"} (lease until ${row.leaseExpiresAt.toISOString()}); it cannot be ${what} until that worker reports. Try again in a moment.`
        : `Delivery ${row.id} is still marked as being sent by worker ${row.leaseOwner ?? "?"}, whose lease lapsed; a worker takes it back shortly. Try again in a moment.`;
    case "delivered":
      return `Delivery ${row.id} was already delivered; there is nothing to ${verb}.`;
    case "expired":
      return `Delivery ${row.id} expired (its SEEK identifier is older than ${IDENTIFIER_LIFETIME_DAYS} days); it is never sent.`;
    case "cancelled":
      return verb === "cancel"
        ? `Delivery ${row.id} is already cancelled.`
        : `Delivery ${row.id} was cancelled; a cancelled delivery is never sent again.`;
    default:
      // pending / failed / dead were in the UPDATE's state list: the row changed state in between.
      return `Delivery ${row.id} changed while this ran (now ${row.state}); reload and try again.`;
  }
}

/** Why each requested row was not changed (outside the scope reads as not found). */
export async function explainRefusals(
  tx: DbOrTx,
  scope: TScope,
  requested: readonly string[],
  changed: readonly string[],
  verb: Verb,
  now: Date,
): Promise<TRefusal[]> {
  const done = new Set(changed);
  const left = [...new Set(requested)].filter((id) => !done.has(id));
  if (left.length === 0) return [];
  const rows = await tx.delivery.findMany({
    where: inScope(scope, { id: { in: left } }),
    select: { id: true, state: true, leaseOwner: true, leaseExpiresAt: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return left.map((id) => {
    const row = byId.get(id);
    return row
      ? { id, state: row.state, reason: reasonFor(row, verb, now) }
      : { id, state: null, reason: `No delivery ${id}.` };
  });
}

/** Nothing changed: one refusal is the error itself; several are summed up. */
export function nothingChangedError(refused: readonly TRefusal[]): AppError {
  const first = refused[0];
  if (refused.length === 1 && first) return new AppError(first.state ? "CONFLICT" : "NOT_FOUND", first.reason);
  return new AppError(
    "CONFLICT",
    `None of the ${refused.length} deliveries could be changed: ${refused.map((r) => r.reason).join(" ")}`,
  );
}

/** The message an admin sees after a retry or cancel that changed at least one row. */
export function describeChange(result: TAdminDeliveryChangeResult, verb: Verb): string {
  const n = result.changed.length;
  const done =
    verb === "retry"
      ? `${n === 1 ? "Delivery" : `${n} deliveries`} queued to be sent now.`
      : `${n === 1 ? "Delivery" : `${n} deliveries`} cancelled; ${n === 1 ? "it is" : "they are"} never sent.`;
  if (result.refused.length === 0) return done;
  return `${done} ${result.refused.length} left unchanged: ${result.refused.map((r) => r.reason).join(" ")}`;
}
