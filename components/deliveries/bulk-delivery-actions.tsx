"use client";
// Bulk retry / cancel of everything the current filter matches, and the CSV export of it. A change is two
// steps: the server counts what it would touch, the admin confirms that number ("Retry 500 deliveries
// matching: channel=seek-signal, state=dead?"), and the server changes what matches then, saying so if
// the number moved. "Requeue dead" is the retry with state=dead.
import { useQueryClient } from "@tanstack/react-query";
import { startTransition, useActionState, useEffect, useId, useRef, useState } from "react";
import { buttonDanger, buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { IDLE_STATE, type TActionState } from "@/lib/actions/action-state";
import type { TBulkCount } from "@/lib/actions/change-deliveries-by-filter";
import type { TBulkChangeResult } from "@/lib/delivery-log/change-deliveries-by-filter";
import { deliveryListSearch, type TDeliveryListSearch, withoutCursor } from "@/lib/delivery-log/delivery-list-search";

type Verb = "retry" | "cancel";
type CountAction = (prev: TActionState<TBulkCount>, formData: FormData) => Promise<TActionState<TBulkCount>>;
type ChangeAction = (
  prev: TActionState<TBulkChangeResult>,
  formData: FormData,
) => Promise<TActionState<TBulkChangeResult>>;

function formFor(filter: TDeliveryListSearch, verb: Verb, confirmedCount?: number): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(filter)) if (value) data.set(key, value);
  data.set("verb", verb);
  if (confirmedCount !== undefined) data.set("confirmedCount", String(confirmedCount));
  return data;
}

export function BulkDeliveryActions({
  search,
  countAction,
  changeAction,
}: {
  search: TDeliveryListSearch;
  countAction: CountAction;
  changeAction: ChangeAction;
}) {
  const filter = withoutCursor(search);
  const queryClient = useQueryClient();
  const headingId = useId();
  const [counted, count, counting] = useActionState(countAction, IDLE_STATE);
  const [changed, change, changing] = useActionState(changeAction, IDLE_STATE);
  // What the confirmation is about: the filter it was counted for (Requeue dead adds state=dead).
  const [asked, setAsked] = useState<{ filter: TDeliveryListSearch; verb: Verb } | null>(null);
  const [confirmedFor, setConfirmedFor] = useState<TActionState<TBulkCount> | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (changed.status === "ok") void queryClient.invalidateQueries({ queryKey: ["admin-deliveries"] });
  }, [changed, queryClient]);
  const pendingConfirmation = counted.status === "ok" && counted !== confirmedFor && asked ? counted.data : null;
  useEffect(() => {
    if (pendingConfirmation && pendingConfirmation.count > 0) confirmRef.current?.focus();
  }, [pendingConfirmation]);

  const ask = (verb: Verb, target: TDeliveryListSearch) => {
    setAsked({ filter: target, verb });
    setConfirmedFor(null);
    startTransition(() => count(formFor(target, verb)));
  };
  const busy = counting || changing;
  const exportHref = `/api/admin/deliveries/export${deliveryListSearch(filter)}`;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="mr-auto text-sm font-semibold text-slate-900">
          Everything matching this filter
        </h2>
        <button type="button" className={buttonSecondary} disabled={busy} onClick={() => ask("retry", filter)}>
          Retry matching…
        </button>
        <button
          type="button"
          className={buttonSecondary}
          disabled={busy}
          onClick={() => ask("retry", { ...filter, state: "dead" })}
        >
          Requeue dead…
        </button>
        <button type="button" className={buttonDanger} disabled={busy} onClick={() => ask("cancel", filter)}>
          Cancel matching…
        </button>
        <a href={exportHref} className={buttonSecondary} download data-testid="export-csv">
          Export CSV
        </a>
      </div>
      {counting ? <p className="mt-3 text-sm text-slate-600">Counting matching deliveries…</p> : null}
      {counted.status === "error" ? (
        <p role="alert" className="mt-3 text-sm text-red-800">
          {counted.message}
        </p>
      ) : null}
      {pendingConfirmation && asked && !counting ? (
        pendingConfirmation.count === 0 ? (
          <p role="status" className="mt-3 text-sm text-slate-700" data-testid="bulk-nothing">
            Nothing to {pendingConfirmation.verb}: no pending, failed or dead delivery matches{" "}
            {pendingConfirmation.filter}.
          </p>
        ) : (
          <div
            role="alertdialog"
            aria-labelledby={`${headingId}-confirm`}
            className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3"
            data-testid="bulk-confirm"
          >
            <p id={`${headingId}-confirm`} className="text-sm font-medium text-amber-900">
              {pendingConfirmation.verb === "retry" ? "Retry" : "Cancel"} {pendingConfirmation.count}{" "}
              {pendingConfirmation.count === 1 ? "delivery" : "deliveries"} matching: {pendingConfirmation.filter}?
            </p>
            <p className="mt-1 text-xs text-amber-900">
              {pendingConfirmation.verb === "retry"
                ? "They become pending and due now. Delivered, expired, cancelled and in-flight deliveries are left alone."
                : "They are never sent. Delivered, expired and in-flight deliveries are left alone."}{" "}
              Every page of the filter is included, not only the one shown.
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <button
                ref={confirmRef}
                type="button"
                className={pendingConfirmation.verb === "retry" ? buttonPrimary : buttonDanger}
                disabled={busy}
                onClick={() => {
                  setConfirmedFor(counted);
                  startTransition(() => change(formFor(asked.filter, asked.verb, pendingConfirmation.count)));
                }}
              >
                {pendingConfirmation.verb === "retry" ? "Retry" : "Cancel"} {pendingConfirmation.count}
              </button>
              <button type="button" className={buttonSecondary} onClick={() => setConfirmedFor(counted)}>
                Keep them as they are
              </button>
            </div>
          </div>
        )
      ) : null}
      {changing ? <p className="mt-3 text-sm text-slate-600">Changing…</p> : null}
      {changed.status !== "idle" && !changing && confirmedFor ? (
        <p
          role={changed.status === "error" ? "alert" : "status"}
          className={`mt-3 text-sm ${changed.status === "error" ? "text-red-800" : "text-emerald-800"}`}
          data-testid="bulk-result"
        >
          {changed.message}
        </p>
      ) : null}
    </section>
  );
}
