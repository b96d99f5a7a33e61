"use client";
// What the ticked rows of the log can do: retry or cancel them (the server counts which of them it would
// change, the admin confirms that number), or, once the whole page is ticked, widen the selection to all N
// rows the filter matches on every page, which then runs the filter's own bulk change.
import { useState } from "react";
import { buttonDanger, buttonSecondary, linkClass } from "@/components/ui/styles";
import type { TDeliveryListSearch } from "@/lib/delivery-log/delivery-list-search";
import { plural } from "@/lib/format/plural";
import { countByFilter, countSelected, type TVerb } from "./bulk-prompts";
import { useConfirmedChange } from "./use-confirmed-change";

export function SelectionBar({
  selectedIds,
  pageSize,
  matching,
  filter,
  onClear,
}: {
  selectedIds: string[];
  pageSize: number;
  /** rows the filter matches on every page */
  matching: number;
  filter: TDeliveryListSearch;
  onClear: () => void;
}) {
  const [allMatching, setAllMatching] = useState(false);
  const { ask, busy, ui } = useConfirmedChange({ confirm: "selection-confirm", result: "selection-result" });
  const wholePage = selectedIds.length === pageSize && pageSize > 0;
  const all = allMatching && wholePage;
  if (selectedIds.length === 0) return <div aria-live="polite">{ui}</div>;

  const run = (verb: TVerb) => ask(all ? countByFilter(verb, filter) : countSelected(verb, selectedIds));
  return (
    <div
      className="mb-3 flex flex-wrap items-center gap-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm"
      data-testid="selection-bar"
    >
      <p className="mr-auto text-slate-900" aria-live="polite">
        {all
          ? `All ${plural(matching)} matching this filter are selected.`
          : `${selectedIds.length} selected on this page.`}{" "}
        {wholePage && matching > pageSize ? (
          <button type="button" className={`${linkClass} text-sm`} onClick={() => setAllMatching(!all)}>
            {all ? `Select only the ${pageSize} on this page` : `Select all ${matching} matching`}
          </button>
        ) : null}
      </p>
      <button type="button" className={buttonSecondary} disabled={busy} onClick={() => run("retry")}>
        Retry selected…
      </button>
      <button type="button" className={buttonDanger} disabled={busy} onClick={() => run("cancel")}>
        Cancel selected…
      </button>
      <button
        type="button"
        className={buttonSecondary}
        onClick={() => {
          setAllMatching(false);
          onClear();
        }}
      >
        Clear selection
      </button>
      <div className="basis-full">{ui}</div>
    </div>
  );
}
