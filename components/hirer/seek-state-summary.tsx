// The `current` state SEEK receives for a status (from seekStateFor, the code the signal is built with).
import type { SeekStatusState } from "@/lib/pipelines/seek-state";

function outcome(success: boolean | null): string {
  if (success === null) return "not final";
  return success ? "final, successful" : "final, unsuccessful";
}

export function SeekStateSummary({ state }: { state: SeekStatusState }) {
  const rows = [
    ...(state.phase
      ? [{ name: "Phase", label: state.phase.label, at: `${state.phase.index} / ${state.phase.total}` }]
      : []),
    { name: "Status", label: state.status.label, at: `${state.status.index} / ${state.status.total}` },
  ];
  return (
    <div data-testid="seek-state" className="overflow-x-auto">
      <table className="text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1 pr-4 font-medium">
              <span className="sr-only">Level</span>
            </th>
            <th className="py-1 pr-4 font-medium">Label</th>
            <th className="py-1 pr-4 font-medium">Index / total</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row" className="py-1 pr-4 font-medium text-slate-500">
                {row.name}
              </th>
              <td className="py-1 pr-4 [overflow-wrap:anywhere]">{row.label}</td>
              <td className="py-1 pr-4 font-mono text-xs tabular-nums">{row.at}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" className="py-1 pr-4 font-medium text-slate-500">
              Success
            </th>
            <td colSpan={2} className="py-1 pr-4">
              <span className="font-mono text-xs">{String(state.success)}</span>{" "}
              <span className="text-xs text-slate-500">({outcome(state.success)})</span>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
