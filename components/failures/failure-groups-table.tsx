"use client";
// Failure groups in the app's Table: which organization, channel and error; how many (failed / dead);
// first and last seen; a sample error; the admin's mark with buttons to acknowledge, resolve or reopen;
// and a link to the log filtered to exactly the group's rows.
import Link from "next/link";
import { startTransition, useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonSecondary, linkClass } from "@/components/ui/styles";
import { Table, type TTableColumn, type TTableRow } from "@/components/ui/table";
import { IDLE_STATE } from "@/lib/actions/action-state";
import { markFailureGroupAction } from "@/lib/actions/mark-failure-group";
import { deliveryListSearch } from "@/lib/delivery-log/delivery-list-search";
import type { TFailureGroup } from "@/lib/delivery-log/failure-groups/list-failure-groups";
import { formatDateTime } from "@/lib/format/format-date-time";

const groupId = (g: TFailureGroup) => `${g.organizationId}:${g.channel}:${g.errorCode}`;

function MarkButtons({ group }: { group: TFailureGroup }) {
  const [state, run, pending] = useActionState(markFailureGroupAction, IDLE_STATE);
  const mark = (status: "acknowledged" | "resolved" | "open") => {
    const data = new FormData();
    data.set("organizationId", group.organizationId);
    data.set("channel", group.channel);
    data.set("errorCode", group.errorCode);
    data.set("status", status);
    startTransition(() => run(data));
  };
  const label = `${group.channel} ${group.errorCode} in ${group.organizationName}`;
  return (
    <div className="flex flex-wrap gap-2">
      {group.status === "open" ? (
        <button
          type="button"
          className={buttonSecondary}
          disabled={pending}
          aria-label={`Acknowledge ${label}`}
          onClick={() => mark("acknowledged")}
        >
          Acknowledge
        </button>
      ) : null}
      {group.status !== "resolved" ? (
        <button
          type="button"
          className={buttonSecondary}
          disabled={pending}
          aria-label={`Resolve ${label}`}
          onClick={() => mark("resolved")}
        >
          Resolve
        </button>
      ) : (
        <button
          type="button"
          className={buttonSecondary}
          disabled={pending}
          aria-label={`Reopen ${label}`}
          onClick={() => mark("open")}
        >
          Reopen
        </button>
      )}
      {state.status === "error" ? (
        <p role="alert" className="basis-full text-xs text-red-800">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

function GroupStatus({ group: g }: { group: TFailureGroup }) {
  return (
    <div className="space-y-2">
      <Badge tone={g.status === "open" ? "red" : g.status === "acknowledged" ? "amber" : "green"}>{g.status}</Badge>
      {g.mark && g.status !== "open" ? (
        <p className="text-xs text-slate-600">
          by {g.mark.byLabel}, {formatDateTime(new Date(g.mark.at))}
        </p>
      ) : null}
      <MarkButtons group={g} />
    </div>
  );
}

type GroupColumn = "group" | "count" | "seen" | "status";
const COLUMNS: TTableColumn<GroupColumn>[] = [
  { id: "group", header: "Error" },
  { id: "count", header: "Deliveries", className: "text-right tabular-nums" },
  {
    id: "seen",
    header: "First / last seen",
    className: "hidden whitespace-nowrap md:table-cell",
    cellClassName: "text-slate-700",
  },
  { id: "status", header: "Status", className: "hidden sm:table-cell" },
];

function toRow(g: TFailureGroup): TTableRow<GroupColumn> {
  return {
    id: groupId(g),
    attributes: {
      "data-testid": "failure-group",
      "data-status": g.status,
      "data-error": g.errorCode,
      "data-organization": g.organizationId,
    },
    cells: {
      group: (
        <div className="min-w-[14rem]">
          <p className="font-mono text-sm font-medium text-slate-900">{g.errorCode}</p>
          <p className="text-xs text-slate-600">
            {g.channel} · {g.organizationName}
          </p>
          {g.sample.error ? (
            <p className="mt-1 max-w-md break-words text-xs text-red-800" data-testid="group-sample">
              <span className="text-slate-600">e.g. </span>
              <Link href={`/deliveries/${g.sample.deliveryId}`} className={linkClass}>
                {g.sample.kind || "delivery"}
              </Link>
              : <span className="font-mono">{g.sample.error}</span>
            </p>
          ) : null}
          <p className="mt-1 text-xs text-slate-600 md:hidden">last seen {formatDateTime(new Date(g.lastSeen))}</p>
        </div>
      ),
      count: (
        <div>
          <Link
            href={`/deliveries${deliveryListSearch(g.logSearch)}`}
            className={linkClass}
            aria-label={`Show the ${g.count} deliveries of ${g.channel} ${g.errorCode} in ${g.organizationName}`}
          >
            {g.count}
          </Link>
          <p className="text-xs text-slate-600">
            {g.failed} failed · {g.dead} dead
          </p>
        </div>
      ),
      seen: (
        <>
          <p>{formatDateTime(new Date(g.firstSeen))}</p>
          <p>{formatDateTime(new Date(g.lastSeen))}</p>
        </>
      ),
      status: <GroupStatus group={g} />,
    },
  };
}

export function FailureGroupsTable({ groups, caption }: { groups: TFailureGroup[]; caption: string }) {
  return <Table columns={COLUMNS} rows={groups.map(toRow)} caption={caption} align="top" testId="failure-groups" />;
}
