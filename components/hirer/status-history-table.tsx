// Status changes, newest first: from → to (labels as recorded), when it happened, who made it.
import type { TStatusChange } from "@/lib/events/list-status-history";
import { formatDateTimeSeconds } from "@/lib/format/format-date-time";

export function StatusHistoryTable({ changes }: { changes: readonly TStatusChange[] }) {
  if (changes.length === 0) return <p className="text-sm text-slate-600">No status changes yet.</p>;
  return (
    <div className="relative -mx-4 overflow-x-auto sm:-mx-5">
      <table className="min-w-full text-left text-sm" data-testid="status-history">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium sm:px-5">Change</th>
            <th className="hidden px-4 py-2 font-medium sm:table-cell">When</th>
            <th className="hidden px-4 py-2 font-medium md:table-cell">By</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {changes.map((change) => (
            <tr key={change.id} data-testid="status-change">
              <td className="px-4 py-3 sm:px-5">
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
              </td>
              <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 sm:table-cell">
                {formatDateTimeSeconds(change.occurredAt)}
              </td>
              <td className="hidden px-4 py-3 text-slate-600 md:table-cell">{change.actor}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
