"use client";
// An unexpected failure while rendering a deliveries page: said plainly, with a way to try again. The
// details stay in the server log (Next passes only a digest to the browser).
import { buttonPrimary, linkClass } from "@/components/ui/styles";

export default function DeliveriesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center sm:px-6" role="alert">
      <h1 className="text-xl font-semibold text-slate-900">The deliveries could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-600">
        Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. Nothing was changed.
      </p>
      <div className="mt-6 flex items-center justify-center gap-4">
        <button type="button" onClick={reset} className={buttonPrimary}>
          Try again
        </button>
        <a href="/deliveries" className={`text-sm ${linkClass}`}>
          Back to all deliveries
        </a>
      </div>
    </div>
  );
}
