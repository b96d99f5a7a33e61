"use client";
// One page of deliveries as a table. Each row's kind links to the delivery (keyboard: Tab to the link,
// Enter to open); the rest of the row is for reading: state, organization, attempts, what happens next.
import Link from "next/link";
import type { TAdminDeliveryRow } from "@/lib/delivery-log/admin-delivery-types";
import { formatDateTime } from "@/lib/format/format-date-time";
import { formatRelative } from "@/lib/format/format-relative";
import { StateBadge } from "./state-badge";

function NextStep({ row, now }: { row: TAdminDeliveryRow; now: Date | null }) {
  switch (row.state) {
    case "pending": {
      const at = new Date(row.nextAttemptAt);
      const due = now ? at.getTime() <= now.getTime() : false;
      return (
        <span className="text-slate-700">
          {due ? "due now" : now ? `next ${formatRelative(at, now)}` : `next ${formatDateTime(at)}`}
          {row.lastErrorCode ? <ErrorCode code={row.lastErrorCode} title={row.lastError} /> : null}
        </span>
      );
    }
    case "in_flight":
      return <span className="text-slate-700">being sent</span>;
    case "delivered":
      return (
        <span className="text-slate-600">
          {row.deliveredAt && now ? `delivered ${formatRelative(new Date(row.deliveredAt), now)}` : "delivered"}
        </span>
      );
    default:
      return row.lastErrorCode ? (
        <ErrorCode code={row.lastErrorCode} title={row.lastError} />
      ) : (
        <span className="text-slate-500">—</span>
      );
  }
}

function ErrorCode({ code, title }: { code: string; title: string | null }) {
  return (
    <span title={title ?? undefined} className="block max-w-[16rem] truncate font-mono text-xs text-red-700">
      {code}
    </span>
  );
}

export function DeliveryTable({
  rows,
  organizationNames,
  now,
  detailSuffix,
}: {
  rows: TAdminDeliveryRow[];
  organizationNames: Record<string, string>;
  now: Date | null;
  /** appended to each row's link: the list's own filters, so the detail page can lead back to them */
  detailSuffix: string;
}) {
  return (
    <div className="relative -mx-4 overflow-x-auto sm:-mx-5">
      <table className="min-w-full text-left text-sm" data-testid="deliveries-table">
        <caption className="sr-only">Deliveries, newest first</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium sm:pl-5">
              Delivery
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              State
            </th>
            <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">
              Organization
            </th>
            <th scope="col" className="hidden px-4 py-2 text-right font-medium sm:table-cell">
              Attempts
            </th>
            <th scope="col" className="hidden px-4 py-2 font-medium lg:table-cell">
              Next step / last error
            </th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:pr-5 xl:table-cell">
              Created
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr
              key={row.id}
              data-testid="delivery-row"
              data-id={row.id}
              data-state={row.state}
              data-channel={row.channel}
              className="hover:bg-slate-50"
            >
              <td className="px-4 py-3 sm:pl-5">
                <Link
                  href={`/deliveries/${row.id}${detailSuffix}`}
                  className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                >
                  {row.kind}
                </Link>
                <p className="mt-0.5 text-xs text-slate-500">
                  {row.channel}
                  {row.tokenPrefix ? <span className="font-mono"> · token {row.tokenPrefix}…</span> : null}
                </p>
                <p className="mt-0.5 text-xs text-slate-500 md:hidden">
                  {organizationNames[row.organizationId] ?? row.organizationId}
                </p>
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                <StateBadge state={row.state} />
                <p className="mt-1 whitespace-normal text-xs lg:hidden">
                  <NextStep row={row} now={now} />
                </p>
              </td>
              <td className="hidden px-4 py-3 text-slate-700 md:table-cell">
                {organizationNames[row.organizationId] ?? (
                  <span className="font-mono text-xs">{row.organizationId}</span>
                )}
              </td>
              <td className="hidden px-4 py-3 text-right tabular-nums text-slate-700 sm:table-cell">{row.attempts}</td>
              <td className="hidden px-4 py-3 lg:table-cell">
                <NextStep row={row} now={now} />
              </td>
              <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 sm:pr-5 xl:table-cell">
                {formatDateTime(new Date(row.createdAt))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
