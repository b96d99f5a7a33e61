"use client";
// LinkedIn allows each LinkedIn application 100,000 requests per UTC day; this shows what is left today
// for every organization that has LinkedIn set up, refreshed twice a minute (it moves slowly).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { linkClass } from "@/components/ui/styles";
import type { TLinkedinBudgets } from "@/lib/delivery-log/list-linkedin-budgets";
import { formatRelative } from "@/lib/format/format-relative";
import { fetchJson } from "./fetch-json";
import { useNow } from "./use-now";

const number = new Intl.NumberFormat("en-US");

export function LinkedinBudgetPanel({ initial }: { initial: TLinkedinBudgets }) {
  const query = useQuery({
    queryKey: ["admin-linkedin-budgets"],
    queryFn: ({ signal }) => fetchJson<TLinkedinBudgets>("/api/admin/linkedin-budgets", signal),
    initialData: initial,
    refetchInterval: 30_000,
  });
  const now = useNow(30_000);
  const budgets = query.data;
  return (
    <section
      aria-labelledby="linkedin-budget-heading"
      className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm sm:px-5"
      data-testid="linkedin-budgets"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="linkedin-budget-heading" className="text-sm font-semibold text-slate-900">
          LinkedIn daily budget
        </h2>
        <p className="text-xs text-slate-500">Requests left today (UTC), per LinkedIn application</p>
      </div>
      {budgets.configured.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          No organization has LinkedIn set up, so no notes go to LinkedIn. Add the integration context, client id and
          secret on an{" "}
          <Link href="/admin/organizations" className={linkClass}>
            organization’s page
          </Link>
          .
        </p>
      ) : (
        <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {budgets.configured.map((budget) => {
            const leftShare = budget.limit > 0 ? budget.remaining / budget.limit : 0;
            const low = budget.remaining < budget.limit * 0.1;
            return (
              <li
                key={budget.organizationId}
                className="rounded-md border border-slate-200 p-3"
                data-testid="linkedin-budget"
                data-organization={budget.organizationName}
              >
                <p className="truncate text-sm font-medium text-slate-900">{budget.organizationName}</p>
                <p className="mt-1 text-sm text-slate-700">
                  <span className={`text-base font-semibold tabular-nums ${low ? "text-red-700" : "text-slate-900"}`}>
                    {number.format(budget.remaining)}
                  </span>{" "}
                  of {number.format(budget.limit)} left
                </p>
                <meter
                  className="sr-only"
                  min={0}
                  max={budget.limit}
                  value={budget.remaining}
                  aria-label={`${budget.organizationName}: ${number.format(budget.remaining)} of ${number.format(budget.limit)} LinkedIn requests left today`}
                />
                <div aria-hidden className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-100">
                  <div
                    className={`h-full rounded-full ${low ? "bg-red-500" : leftShare < 0.3 ? "bg-amber-500" : "bg-emerald-500"}`}
                    style={{ width: `${Math.round(leftShare * 100)}%` }}
                  />
                </div>
                <p className="mt-1 text-xs text-slate-500">
                  Resets {now ? formatRelative(new Date(budget.resetsAt), now) : "at midnight UTC"}
                </p>
                <p className="truncate text-xs text-slate-500" title={budget.clientId}>
                  Client <span className="font-mono">{budget.clientId}</span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {budgets.incomplete.length > 0 ? (
        <p className="mt-2 text-sm text-amber-800" role="note">
          LinkedIn is only partly set up for {budgets.incomplete.map((org) => org.organizationName).join(", ")}: their
          notes wait until the settings are complete.
        </p>
      ) : null}
      {query.isError ? (
        <p role="alert" className="mt-2 text-xs text-red-700">
          Could not refresh the budget: {query.error.message}
        </p>
      ) : null}
    </section>
  );
}
