// A definition list of a record's facts: label above value on a phone (grouped in pairs), side by side
// from `sm` up.
import type { ReactNode } from "react";

export function Facts({ items }: { items: readonly { label: string; value: ReactNode; testId?: string }[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-4 text-sm sm:grid-cols-[12rem_minmax(0,1fr)] sm:gap-y-3">
      {items.map((item) => (
        <div key={item.label} className="space-y-0.5 sm:contents">
          <dt className="font-medium text-slate-500">{item.label}</dt>
          <dd className="min-w-0 text-slate-900 [overflow-wrap:anywhere]" data-testid={item.testId}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
