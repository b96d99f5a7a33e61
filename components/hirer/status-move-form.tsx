"use client";
// "Move to": a native select of the pipeline's statuses and a button, so it works by keyboard and screen
// reader as any form does. The select is controlled: after a move the page re-renders with the new
// current status and the selection steps on to the status after it; the action's message stays visible.
import { useEffect, useId, useState } from "react";
import type { TActionState } from "@/lib/actions/action-state";
import type { TMoveChoice } from "@/lib/pipelines/move-choices";
import { ActionForm } from "../forms/action-form";
import { inputClass } from "../ui/styles";

export function StatusMoveForm({
  action,
  hidden,
  choices,
  preselected,
  ariaLabel,
}: {
  action: (prev: TActionState, formData: FormData) => Promise<TActionState>;
  /** ids the action needs besides the status */
  hidden: Record<string, string>;
  choices: readonly TMoveChoice[];
  preselected: string;
  ariaLabel: string;
}) {
  const id = useId();
  const [selected, setSelected] = useState(preselected);
  useEffect(() => setSelected(preselected), [preselected]);
  return (
    <ActionForm
      action={action}
      submitLabel="Move"
      pendingLabel="Moving…"
      resetOnSuccess={false}
      ariaLabel={ariaLabel}
      className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end"
      actionsClassName="flex flex-wrap items-center gap-3"
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="w-full min-w-0 sm:w-80">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          Move to
        </label>
        <select
          id={id}
          name="statusKey"
          value={selected}
          onChange={(event) => setSelected(event.target.value)}
          className={`mt-1 ${inputClass}`}
        >
          {choices.map((choice, index) => (
            <option key={choice.key} value={choice.key}>
              {index + 1}. {choice.label}
              {choice.current ? " (current)" : ""}
            </option>
          ))}
        </select>
      </div>
    </ActionForm>
  );
}
