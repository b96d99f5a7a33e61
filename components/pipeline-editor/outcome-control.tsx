"use client";
// The 3-way choice SEEK's `success` field encodes: not final (null), final-successful (true), final-unsuccessful (false).
import { focusRing } from "./styles";

type Success = boolean | null;

const OUTCOMES: { value: Success; label: string; title: string; active: string }[] = [
  { value: null, label: "Not final", title: "Still in progress (success null)", active: "bg-slate-700 text-white" },
  {
    value: true,
    label: "✓ Successful",
    title: "Final: placed / filled (success true)",
    active: "bg-emerald-700 text-white",
  },
  {
    value: false,
    label: "✗ Unsuccessful",
    title: "Final without success (success false)",
    active: "bg-rose-700 text-white",
  },
];

export function OutcomeControl(props: {
  name: string;
  statusLabel: string;
  value: Success;
  onChange: (value: Success) => void;
}) {
  return (
    <fieldset className="flex flex-wrap items-center">
      <legend className="sr-only">Outcome of “{props.statusLabel}”</legend>
      <div className="inline-flex overflow-hidden rounded-md border border-slate-300">
        {OUTCOMES.map((outcome) => {
          const checked = props.value === outcome.value;
          return (
            <label
              key={String(outcome.value)}
              title={outcome.title}
              className={`cursor-pointer border-slate-300 px-2 py-1 text-xs font-medium not-first:border-l has-focus-visible:ring-2 has-focus-visible:ring-sky-600 ${
                checked ? outcome.active : "bg-white text-slate-700 hover:bg-slate-50"
              }`}
            >
              <input
                type="radio"
                className={`sr-only ${focusRing}`}
                name={props.name}
                checked={checked}
                onChange={() => props.onChange(outcome.value)}
              />
              {outcome.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
