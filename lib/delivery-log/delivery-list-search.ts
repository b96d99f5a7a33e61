// The deliveries page's URL query: filters live in the address so a view can be shared. Pure: used by the
// server page and by the client components that build links (state chips, paging, the row links), and by
// the overview's links (/deliveries?channel=…&state=…).
export type TDeliveryListSearch = {
  organization?: string;
  channel?: string;
  state?: string;
  kind?: string;
  application?: string;
  position?: string;
  candidate?: string;
  /** the ATS's id of an operational webhook (PUT /api/v1/webhooks/{id}) */
  webhook?: string;
  /** created from / to, as typed (2026-11-23 or 2026-11-23T10:00, UTC) */
  from?: string;
  to?: string;
  /** the search box: delivery id, X-Request-Id, application id or seek-token prefix */
  q?: string;
  /** an error code (the failure groups' links) */
  error?: string;
  cursor?: string;
};

export const DELIVERY_LIST_SEARCH_KEYS = [
  "organization",
  "channel",
  "state",
  "kind",
  "application",
  "position",
  "candidate",
  "webhook",
  "from",
  "to",
  "q",
  "error",
  "cursor",
] as const satisfies readonly (keyof TDeliveryListSearch)[];

/** "?channel=seek-signal&state=failed" (or "") from the filters, with `changes` applied (undefined removes). */
export function deliveryListSearch(current: TDeliveryListSearch, changes: Partial<TDeliveryListSearch> = {}): string {
  const merged: TDeliveryListSearch = { ...current, ...changes };
  const params = new URLSearchParams();
  for (const key of DELIVERY_LIST_SEARCH_KEYS) {
    const value = merged[key]?.trim();
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The filters of a search without its page position (what bulk actions and the export act on). */
export function withoutCursor(search: TDeliveryListSearch): TDeliveryListSearch {
  const { cursor: _cursor, ...rest } = search;
  return rest;
}

/** Only the known keys of a parsed URL query, as strings (the page's echo of what it understood). */
export function pickListSearch(raw: Record<string, string>): TDeliveryListSearch {
  const picked: TDeliveryListSearch = {};
  for (const key of DELIVERY_LIST_SEARCH_KEYS) if (raw[key]?.trim()) picked[key] = raw[key].trim();
  return picked;
}
