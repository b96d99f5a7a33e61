// Cancel: a pending, failed or dead delivery becomes cancelled (lastErrorCode CANCELLED_BY_ADMIN) and is
// never sent. Delivered and expired rows are history; an in-flight row is refused because its request may
// already be on the wire (docs/decisions/0072).
import type { TScope } from "../data/scope";
import type { Db } from "../db/client";
import type { TAdminDeliveryChangeInput, TAdminDeliveryChangeResult } from "./admin-delivery-change";
import type { TChangeOptions } from "./change-deliveries";
import { changeNamedDeliveries } from "./change-named-deliveries";

export function cancelDeliveries(
  db: Db,
  scope: TScope,
  input: TAdminDeliveryChangeInput,
  options: TChangeOptions = {},
): Promise<TAdminDeliveryChangeResult> {
  return changeNamedDeliveries(db, scope, "cancel", input, options);
}
