// A record's deliveries: board, kind, state and times, and for a failed one the hint of what to do (and,
// with `retry`, a button to send it again). No payloads, attempts or error messages (delivery internals
// stay on the admins' pages).
import Link from "next/link";
import { linkClass } from "@/components/ui/styles";
import { Table, type TTableColumn } from "@/components/ui/table";
import { retryOwnDeliveryAction } from "@/lib/actions/retry-own-delivery";
import type { TRecordDelivery } from "@/lib/delivery/deliveries-of-record";
import { formatDateTimeSeconds } from "@/lib/format/format-date-time";
import { ActionForm } from "../forms/action-form";
import { channelName } from "./board-names";
import { DeliveryStateBadge } from "./delivery-state-badge";

const COLUMNS: TTableColumn<"board" | "state" | "created" | "delivered">[] = [
  { id: "board", header: "Board" },
  { id: "state", header: "State" },
  {
    id: "created",
    header: "Created",
    className: "hidden whitespace-nowrap md:table-cell",
    cellClassName: "text-slate-600",
  },
  {
    id: "delivered",
    header: "Delivered",
    className: "hidden whitespace-nowrap md:table-cell",
    cellClassName: "text-slate-600",
  },
];

export function DeliveriesTable({
  deliveries,
  empty,
  retry = false,
  linkToDelivery = false,
}: {
  deliveries: readonly TRecordDelivery[];
  empty: string;
  /** offer "Retry" on failed and dead deliveries (the viewer may change things) */
  retry?: boolean;
  /** admins: each board name links to the delivery's own page (hirers have no delivery pages) */
  linkToDelivery?: boolean;
}) {
  if (deliveries.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <Table
      columns={COLUMNS}
      caption="Deliveries to job boards"
      testId="deliveries"
      rows={deliveries.map((d) => ({
        id: d.id,
        attributes: { "data-testid": "delivery-row", "data-kind": d.kind, "data-channel": d.channel },
        cells: {
          board: (
            <>
              {linkToDelivery ? (
                <Link href={`/deliveries/${encodeURIComponent(d.id)}`} className={`font-medium ${linkClass}`}>
                  {channelName(d.channel)}
                </Link>
              ) : (
                <p className="font-medium text-slate-900">{channelName(d.channel)}</p>
              )}
              <p className="text-xs text-slate-500">{d.kind}</p>
              <p className="mt-0.5 text-xs text-slate-500 md:hidden">
                created {formatDateTimeSeconds(d.createdAt)}
                {d.deliveredAt ? ` · delivered ${formatDateTimeSeconds(d.deliveredAt)}` : ""}
              </p>
            </>
          ),
          state: (
            <>
              <DeliveryStateBadge state={d.state} />
              {d.hint ? (
                <p className="mt-1 max-w-md text-xs text-slate-700" data-testid="delivery-hint">
                  {d.hint}
                </p>
              ) : null}
              {retry && (d.state === "failed" || d.state === "dead") ? (
                <ActionForm
                  action={retryOwnDeliveryAction}
                  submitLabel="Retry"
                  pendingLabel="Queuing…"
                  className="mt-2"
                  ariaLabel={`Retry the ${channelName(d.channel)} delivery`}
                >
                  <input type="hidden" name="deliveryId" value={d.id} />
                </ActionForm>
              ) : null}
            </>
          ),
          created: formatDateTimeSeconds(d.createdAt),
          delivered: formatDateTimeSeconds(d.deliveredAt),
        },
      }))}
    />
  );
}
