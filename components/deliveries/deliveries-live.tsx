"use client";
// The deliveries list that keeps itself current: the server renders the first page, then React Query
// polls the JSON route every few seconds for the same filters (they live in the URL). Shows when it last
// heard from the server and says so plainly when a refresh fails, keeping the last good data on screen.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { buttonSecondary, linkClass } from "@/components/ui/styles";
import type { TAdminDeliveryPage } from "@/lib/delivery-log/admin-delivery-types";
import { deliveryListSearch, type TDeliveryListSearch, withoutCursor } from "@/lib/delivery-log/delivery-list-search";
import { matchingCount } from "@/lib/delivery-log/matching-count";
import { DeliveryTable } from "./delivery-table";
import { fetchJson } from "./fetch-json";
import { LiveStatus } from "./live-status";
import { SelectionBar } from "./selection-bar";
import { StateFilterLinks } from "./state-filter-links";
import { useNow } from "./use-now";

export const POLL_MS = 3_000;

export function DeliveriesLive({ initial, search }: { initial: TAdminDeliveryPage; search: TDeliveryListSearch }) {
  const queryString = deliveryListSearch(search);
  const query = useQuery({
    queryKey: ["admin-deliveries", queryString],
    queryFn: ({ signal }) => fetchJson<TAdminDeliveryPage>(`/api/admin/deliveries${queryString}`, signal),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.generatedAt),
    refetchInterval: POLL_MS,
  });
  const now = useNow();
  const page = query.data;
  const filtered = Object.keys(withoutCursor(search)).length > 0;
  const detailSuffix = queryString ? `?back=${encodeURIComponent(queryString)}` : "";
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Only ticked rows still on the page count: a row the refresh dropped is not acted on unseen.
  const selectedOnPage = page.deliveries.filter((row) => selected.has(row.id)).map((row) => row.id);

  return (
    <>
      <StateFilterLinks search={search} counts={page.counts} />
      <Card
        title={search.cursor ? "Older deliveries" : "Newest deliveries"}
        description={`${page.deliveries.length} shown${page.nextCursor ? ", more below" : ""}`}
        actions={<LiveStatus updatedAt={query.dataUpdatedAt} now={now} fetching={query.isFetching} />}
      >
        {query.isError ? (
          <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            Could not refresh: {query.error.message} The list below is the last one loaded; it retries every few
            seconds.
          </p>
        ) : null}
        {page.searchedFor ? (
          <p className="mb-3 text-sm text-slate-600" data-testid="searched-for">
            Searched &ldquo;{search.q}&rdquo; as {page.searchedFor}.
          </p>
        ) : null}
        {/* Mounted whatever the page holds: a bulk retry empties a "failed" filter, and the refresh that
            shows it must not take the bar (and the result it is about to say) away with the last row. */}
        <SelectionBar
          selectedIds={selectedOnPage}
          pageSize={page.deliveries.length}
          matching={matchingCount(page.counts, search.state)}
          filter={withoutCursor(search)}
          onClear={() => setSelected(new Set())}
        />
        {page.deliveries.length === 0 ? (
          <EmptyState filtered={filtered} />
        ) : (
          <DeliveryTable
            rows={page.deliveries}
            now={now}
            detailSuffix={detailSuffix}
            selection={{
              selected,
              onChange: setSelected,
              rowLabel: (id) => {
                const row = page.deliveries.find((r) => r.id === id);
                return row
                  ? `Select ${row.kind}${row.applicationExternalId ? ` for ${row.applicationExternalId}` : ""} (${row.state})`
                  : `Select delivery ${id}`;
              },
            }}
          />
        )}
        {search.cursor || page.nextCursor ? (
          <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3">
            {search.cursor ? (
              <Link
                href={`/deliveries${deliveryListSearch(search, { cursor: undefined })}`}
                className={buttonSecondary}
              >
                ← Newest
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor ? (
              <Link
                href={`/deliveries${deliveryListSearch(search, { cursor: page.nextCursor })}`}
                className={buttonSecondary}
              >
                Older →
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}

function EmptyState({ filtered }: { filtered: boolean }) {
  return (
    <div className="flex flex-col items-center px-4 py-10 text-center" data-testid="deliveries-empty">
      <div aria-hidden className="mb-3 flex h-10 w-10 items-center justify-center rounded-full bg-slate-100">
        <span className="h-3 w-3 rounded-full border-2 border-slate-400" />
      </div>
      <h3 className="text-base font-semibold text-slate-900">No deliveries match</h3>
      <p className="mt-1 max-w-md text-sm text-slate-600">
        {filtered
          ? "Nothing matches these filters right now. New deliveries appear here on their own."
          : "Nothing has been queued yet. Deliveries appear here when the ATS reports status changes, history items or notes through the API."}
      </p>
      {filtered ? (
        <Link href="/deliveries" className={`mt-3 text-sm ${linkClass}`}>
          Clear filters
        </Link>
      ) : null}
    </div>
  );
}
