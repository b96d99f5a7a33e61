// Shown while a deliveries page renders on the server (a new filter, a detail page).
export default function DeliveriesLoading() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6" role="status" aria-live="polite">
      <span className="sr-only">Loading deliveries…</span>
      <div aria-hidden className="animate-pulse space-y-4">
        <div className="h-8 w-48 rounded bg-slate-200" />
        <div className="h-20 rounded-lg bg-slate-200/70" />
        <div className="h-10 rounded-lg bg-slate-200/70" />
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          {[0, 1, 2, 3, 4, 5].map((row) => (
            <div key={row} className="h-6 rounded bg-slate-100" />
          ))}
        </div>
      </div>
    </div>
  );
}
