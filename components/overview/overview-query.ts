// The overview's React Query key and polling interval, shared by the live view and the buttons that
// change what it shows.
export const OVERVIEW_QUERY_KEY = ["admin-overview"] as const;
export const OVERVIEW_POLL_MS = 5_000;
