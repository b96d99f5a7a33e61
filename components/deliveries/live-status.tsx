"use client";
// "Live · updated 2 s ago": that the view refreshes itself, and how fresh it is. The age text is not a
// live region (it changes every second); screen-reader users read it when they reach it.
import { formatAge } from "@/lib/format/format-relative";

export function LiveStatus({ updatedAt, now, fetching }: { updatedAt: number; now: Date | null; fetching: boolean }) {
  return (
    <p className="flex items-center gap-2 text-xs text-slate-500" data-testid="live-status">
      <span
        aria-hidden
        className={`inline-block h-2 w-2 rounded-full ${fetching ? "animate-pulse bg-indigo-500" : "bg-emerald-500"}`}
      />
      <span>
        Live · updated{" "}
        <span className="tabular-nums">{now && updatedAt ? formatAge(new Date(updatedAt), now) : "just now"}</span>
      </span>
    </p>
  );
}
