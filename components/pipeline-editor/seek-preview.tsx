"use client";
// What SEEK would receive in a signal's `current` for each status, computed by the same code the
// delivery uses (seekStateFor), so the hirer sees index/total exactly as sent.
import type { TPipelineDefinition } from "@/lib/pipelines/pipeline-definition";
import { seekPreviewRows } from "@/lib/pipelines/seek-preview-rows";

function successText(success: boolean | null): string {
  if (success === null) return "null (not final)";
  return success ? "true (final, successful)" : "false (final, unsuccessful)";
}

export function SeekPreview(props: { idPrefix: string; pipeline: TPipelineDefinition }) {
  const rows = seekPreviewRows(props.pipeline);
  const hasPhases = rows.some((row) => row.state.phase);
  const cell = "px-2 py-1 text-left align-top";
  return (
    <section aria-labelledby={`${props.idPrefix}-preview-title`} className="space-y-2">
      <h2 id={`${props.idPrefix}-preview-title`} className="text-base font-semibold">
        What SEEK receives
      </h2>
      <p className="text-sm text-slate-600">
        For each status, the <code>current</code> state of the{" "}
        <code>{props.pipeline.kind === "application" ? "ApplicationStatusUpdate" : "PositionStatusUpdate"}</code>{" "}
        signal.
      </p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">Add statuses to see the preview.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full border-collapse text-sm">
            <thead className="bg-slate-100 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                {hasPhases ? (
                  <>
                    <th scope="col" className={cell}>
                      phase.label
                    </th>
                    <th scope="col" className={cell}>
                      phase.index / total
                    </th>
                  </>
                ) : null}
                <th scope="col" className={cell}>
                  status.label
                </th>
                <th scope="col" className={cell}>
                  status.index / total
                </th>
                <th scope="col" className={cell}>
                  success
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 font-mono text-xs">
              {rows.map(({ key, state }) => (
                <tr key={key}>
                  {hasPhases ? (
                    <>
                      <td className={cell}>{state.phase?.label ?? "(none: invalid)"}</td>
                      <td className={cell}>{state.phase ? `${state.phase.index} / ${state.phase.total}` : "-"}</td>
                    </>
                  ) : null}
                  <th scope="row" className={`${cell} font-normal`}>
                    {state.status.label}
                  </th>
                  <td className={cell}>
                    {state.status.index} / {state.status.total}
                  </td>
                  <td
                    className={`${cell} ${
                      state.success === true ? "text-emerald-700" : state.success === false ? "text-rose-700" : ""
                    }`}
                  >
                    {successText(state.success)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
