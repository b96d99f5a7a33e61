// Retry now: a pending, failed or dead delivery becomes pending and due at once. Its attempt count and last
// error are kept (the log goes on); a row a worker holds is never touched (docs/decisions/0072).
import type { TScope } from "../data/scope";
import type { Db } from "../db/client";
import type { TAdminDeliveryChangeInput, TAdminDeliveryChangeResult } from "./admin-delivery-change";
import { changeNamedDeliveries } from "./change-named-deliveries";

export function retryDeliveriesNow(
  db: Db,
  scope: TScope,
  input: TAdminDeliveryChangeInput,
): Promise<TAdminDeliveryChangeResult> {
  return changeNamedDeliveries(db, scope, "retry", input);
}
