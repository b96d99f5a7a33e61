"use client";
// Bulk retry / cancel of everything the current filter matches, and the CSV export of it. A change is two
// steps (use-confirmed-change.tsx): the server counts what it would touch, the admin confirms that number
// ("Retry 500 deliveries matching: channel=seek-signal, state=dead?"), and the server changes what matches
// then, saying so if the number moved. "Requeue dead" is the retry with state=dead.
import { useId } from "react";
import { buttonDanger, buttonSecondary } from "@/components/ui/styles";
import { deliveryListSearch, type TDeliveryListSearch, withoutCursor } from "@/lib/delivery-log/delivery-list-search";
import { countByFilter } from "./bulk-prompts";
import { useConfirmedChange } from "./use-confirmed-change";

export function BulkDeliveryActions({ search }: { search: TDeliveryListSearch }) {
  const filter = withoutCursor(search);
  const headingId = useId();
  const { ask, busy, ui } = useConfirmedChange();
  const exportHref = `/api/admin/deliveries/export${deliveryListSearch(filter)}`;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="mr-auto text-sm font-semibold text-slate-900">
          Everything matching this filter
        </h2>
        <button
          type="button"
          className={buttonSecondary}
          disabled={busy}
          onClick={() => ask(countByFilter("retry", filter))}
        >
          Retry matching…
        </button>
        <button
          type="button"
          className={buttonSecondary}
          disabled={busy}
          onClick={() => ask(countByFilter("retry", { ...filter, state: "dead" }))}
        >
          Requeue dead…
        </button>
        <button
          type="button"
          className={buttonDanger}
          disabled={busy}
          onClick={() => ask(countByFilter("cancel", filter))}
        >
          Cancel matching…
        </button>
        <a href={exportHref} className={buttonSecondary} download data-testid="export-csv">
          Export CSV
        </a>
      </div>
      {ui}
    </section>
  );
}
