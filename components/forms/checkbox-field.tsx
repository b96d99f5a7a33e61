// A checkbox with its label beside it; submits "on" when ticked.
import type { ReactNode } from "react";

export function CheckboxField({ name, label, hint }: { name: string; label: string; hint?: ReactNode }) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input type="checkbox" name={name} className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600" />
      <span>
        {label}
        {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
      </span>
    </label>
  );
}
