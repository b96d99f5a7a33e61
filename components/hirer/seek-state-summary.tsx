// The `current` state SEEK receives for a status (from seekStateFor, the code the signal is built with).
// A key/value summary (phase, status, success), so a description list, not a table: each value is one
// fact, and there are no columns to compare across rows.
import type { SeekStatusState } from "@/lib/pipelines/seek-state";

function outcome(success: boolean | null): string {
  if (success === null) return "not final";
  return success ? "final, successful" : "final, unsuccessful";
}

function Place({ label, index, total }: { label: string; index: number; total: number }) {
  return (
    <>
      <span className="[overflow-wrap:anywhere]">{label}</span>{" "}
      <span className="whitespace-nowrap text-xs text-slate-500">
        index / total <span className="font-mono tabular-nums text-slate-900">{`${index} / ${total}`}</span>
      </span>
    </>
  );
}

export function SeekStateSummary({ state }: { state: SeekStatusState }) {
  return (
    <dl data-testid="seek-state" className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
      {state.phase ? (
        <>
          <dt className="font-medium text-slate-500">Phase</dt>
          <dd>
            <Place {...state.phase} />
          </dd>
        </>
      ) : null}
      <dt className="font-medium text-slate-500">Status</dt>
      <dd>
        <Place {...state.status} />
      </dd>
      <dt className="font-medium text-slate-500">Success</dt>
      <dd>
        <span className="font-mono text-xs">{String(state.success)}</span>{" "}
        <span className="text-xs text-slate-500">({outcome(state.success)})</span>
      </dd>
    </dl>
  );
}
