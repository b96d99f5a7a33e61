// How many deliveries are in each state (for the organization and channel chosen), each a link that
// filters by it. The chosen one is marked for assistive technology with aria-current.
import Link from "next/link";
import type { TStateCounts } from "@/lib/delivery-log/admin-delivery-types";
import { deliveryListSearch, type TDeliveryListSearch } from "@/lib/delivery-log/delivery-list-search";
import type { DeliveryState } from "@/lib/generated/prisma/enums";
import { STATE_LABEL } from "./state-badge";

const ORDER: DeliveryState[] = ["pending", "in_flight", "delivered", "failed", "dead", "expired", "cancelled"];
const ATTENTION: ReadonlySet<DeliveryState> = new Set(["failed", "dead"]);

export function StateFilterLinks({ search, counts }: { search: TDeliveryListSearch; counts: TStateCounts }) {
  const total = ORDER.reduce((sum, state) => sum + counts[state], 0);
  const chip = (active: boolean) =>
    `inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
      active
        ? "border-indigo-600 bg-indigo-600 text-white"
        : "border-slate-300 bg-white text-slate-700 hover:border-slate-400 hover:bg-slate-50"
    }`;
  return (
    <nav aria-label="Filter by state" data-testid="state-counts">
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link
            href={`/deliveries${deliveryListSearch(search, { state: undefined, cursor: undefined })}`}
            aria-current={search.state ? undefined : "page"}
            className={chip(!search.state)}
          >
            All <span className="tabular-nums opacity-80">{total}</span>
          </Link>
        </li>
        {ORDER.map((state) => {
          const active = search.state === state;
          const warn = ATTENTION.has(state) && counts[state] > 0 && !active;
          return (
            <li key={state}>
              <Link
                href={`/deliveries${deliveryListSearch(search, { state, cursor: undefined })}`}
                aria-current={active ? "page" : undefined}
                className={chip(active)}
                data-state={state}
              >
                {STATE_LABEL[state]}{" "}
                <span className={`tabular-nums ${warn ? "font-semibold text-red-700" : "opacity-80"}`}>
                  {counts[state]}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
