// The deliveries page's URL query: filters live in the address so a view can be shared. Pure: used by the
// server page and by the client components that build links (state chips, paging, the row links).
export type TDeliveryListSearch = {
  state?: string;
  channel?: string;
  organization?: string;
  cursor?: string;
};

const ORDER = ["organization", "channel", "state", "cursor"] as const;

/** "?channel=seek-signal&state=failed" (or "") from the filters, with `changes` applied (undefined removes). */
export function deliveryListSearch(current: TDeliveryListSearch, changes: Partial<TDeliveryListSearch> = {}): string {
  const merged: TDeliveryListSearch = { ...current, ...changes };
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
