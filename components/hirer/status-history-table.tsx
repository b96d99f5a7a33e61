// Status changes, newest first: from → to (labels as recorded), when it happened, who made it.
import { Table, type TTableColumn } from "@/components/ui/table";
import type { TStatusChange } from "@/lib/events/list-status-history";
import { formatDateTimeSeconds } from "@/lib/format/format-date-time";

const COLUMNS: TTableColumn<"change" | "when" | "by">[] = [
  { id: "change", header: "Change" },
  { id: "when", header: "When", className: "hidden whitespace-nowrap sm:table-cell", cellClassName: "text-slate-600" },
  { id: "by", header: "By", className: "hidden md:table-cell", cellClassName: "text-slate-600" },
];

export function StatusHistoryTable({ changes }: { changes: readonly TStatusChange[] }) {
  if (changes.length === 0) return <p className="text-sm text-slate-600">No status changes yet.</p>;
  return (
    <Table
      columns={COLUMNS}
      caption="Status changes, newest first"
      testId="status-history"
      rows={changes.map((change) => ({
        id: change.id,
        attributes: { "data-testid": "status-change" },
        cells: {
          change: (
            <>
              <p className="text-slate-900 [overflow-wrap:anywhere]">
                <span className="text-slate-500">{change.fromLabel ?? "(none)"}</span>
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> to </span>
                <span className="font-medium">{change.toLabel}</span>
              </p>
              <p className="mt-0.5 text-xs text-slate-500 md:hidden">
                <span className="sm:hidden">{formatDateTimeSeconds(change.occurredAt)} · </span>
                {change.actor}
              </p>
            </>
          ),
          when: formatDateTimeSeconds(change.occurredAt),
          by: change.actor,
        },
      }))}
    />
  );
}
