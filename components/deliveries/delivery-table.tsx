"use client";
// One page of deliveries in the app's Table: each row says what it is about (the application / position /
// candidate by the ATS's ids, what changed, the organization) so fifty rows of one kind can be told apart,
// and for a failure the error in one line. The kind links to the delivery (Tab, Enter). With `selection`,
// each row has a checkbox (shift-click selects a range) for the log's bulk retry and cancel.
import Link from "next/link";
import { Table, type TTableColumn, type TTableRow, type TTableSelection } from "@/components/ui/table";
import type { TAdminDeliveryListRow } from "@/lib/delivery-log/admin-delivery-types";
import { formatDateTime } from "@/lib/format/format-date-time";
import { formatRelative } from "@/lib/format/format-relative";
import { StateBadge } from "./state-badge";

type Row = TAdminDeliveryListRow;

function NextStep({ row, now }: { row: Row; now: Date | null }) {
  switch (row.state) {
    case "pending": {
      const at = new Date(row.nextAttemptAt);
      const due = now ? at.getTime() <= now.getTime() : false;
      return (
        <span className="text-slate-700">
          {due ? "due now" : now ? `next ${formatRelative(at, now)}` : `next ${formatDateTime(at)}`}
          {row.errorSummary ? <ErrorSummary text={row.errorSummary} title={row.lastError} previous /> : null}
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
      return row.errorSummary ? (
        <ErrorSummary text={row.errorSummary} title={row.lastError} />
      ) : (
        <span className="text-slate-500">—</span>
      );
  }
}

function ErrorSummary({ text, title, previous = false }: { text: string; title: string | null; previous?: boolean }) {
  return (
    <span title={title ?? undefined} className="block max-w-[22rem] text-xs text-red-800" data-testid="error-summary">
      {previous ? <span className="text-slate-600">last try: </span> : null}
      <span className="break-words font-mono">{text}</span>
    </span>
  );
}

/** "APP-7 · POS-9 · candidate CAND-3": the ids the ATS knows the records by. */
function AtsIds({ row }: { row: Row }) {
  const parts = [
    row.applicationExternalId ? `application ${row.applicationExternalId}` : null,
    row.positionExternalId ? `position ${row.positionExternalId}` : null,
    row.candidateExternalId ? `candidate ${row.candidateExternalId}` : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  return (
    <p className="mt-0.5 break-all font-mono text-xs text-slate-600" data-testid="ats-ids">
      {parts.join(" · ")}
    </p>
  );
}

const COLUMNS: TTableColumn<DeliveryColumn>[] = [
  { id: "delivery", header: "Delivery" },
  { id: "state", header: "State", className: "whitespace-nowrap" },
  { id: "organization", header: "Organization", className: "hidden md:table-cell", cellClassName: "text-slate-700" },
  {
    id: "attempts",
    header: "Attempts",
    className: "hidden text-right tabular-nums sm:table-cell",
    cellClassName: "text-slate-700",
  },
  { id: "next", header: "Next step / last error", className: "hidden lg:table-cell" },
  {
    id: "created",
    header: "Created",
    className: "hidden whitespace-nowrap xl:table-cell",
    cellClassName: "text-slate-600",
  },
];
type DeliveryColumn = "delivery" | "state" | "organization" | "attempts" | "next" | "created";

function toRow(row: Row, now: Date | null, detailSuffix: string): TTableRow<DeliveryColumn> {
  return {
    id: row.id,
    attributes: {
      "data-testid": "delivery-row",
      "data-id": row.id,
      "data-state": row.state,
      "data-channel": row.channel,
    },
    cells: {
      delivery: (
        <div className="min-w-[12rem]">
          <Link
            href={`/deliveries/${row.id}${detailSuffix}`}
            className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            {row.kind}
          </Link>
          {row.change ? (
            <p className="mt-0.5 text-sm text-slate-900" data-testid="change">
              {row.change}
            </p>
          ) : null}
          <AtsIds row={row} />
          <p className="mt-0.5 text-xs text-slate-600">
            {row.channel}
            {row.tokenPrefix ? <span className="font-mono"> · token {row.tokenPrefix}…</span> : null}
          </p>
          <p className="mt-0.5 text-xs text-slate-600 md:hidden">{row.organizationName ?? row.organizationId}</p>
        </div>
      ),
      state: (
        <>
          <StateBadge state={row.state} />
          <p className="mt-1 whitespace-normal text-xs lg:hidden">
            <NextStep row={row} now={now} />
          </p>
        </>
      ),
      organization: row.organizationName ?? <span className="font-mono text-xs">{row.organizationId}</span>,
      attempts: row.attempts,
      next: <NextStep row={row} now={now} />,
      created: formatDateTime(new Date(row.createdAt)),
    },
  };
}

export function DeliveryTable({
  rows,
  now,
  detailSuffix,
  selection,
}: {
  rows: Row[];
  now: Date | null;
  /** appended to each row's link: the list's own filters, so the detail page can lead back to them */
  detailSuffix: string;
  selection?: TTableSelection;
}) {
  return (
    <Table
      columns={COLUMNS}
      rows={rows.map((row) => toRow(row, now, detailSuffix))}
      caption="Deliveries, newest first"
      align="top"
      testId="deliveries-table"
      selection={selection}
    />
  );
}
