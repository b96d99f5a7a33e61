// /deliveries?organization=&channel=&state=&kind=&application=&position=&candidate=&from=&to=&q=&cursor= — every delivery to the boards, newest first, refreshing itself; admins only.
import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell/app-shell";
import { BulkDeliveryActions } from "@/components/deliveries/bulk-delivery-actions";
import { DeliveriesLive } from "@/components/deliveries/deliveries-live";
import { DeliveryFilters } from "@/components/deliveries/delivery-filters";
import { LinkedinBudgetPanel } from "@/components/deliveries/linkedin-budget-panel";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import { requireAdmin } from "@/lib/auth/guards";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { CHANNELS } from "@/lib/delivery/channel";
import { readAdminDeliveryPage } from "@/lib/delivery-log/admin-delivery-list";
import { deliveryListSearch, pickListSearch } from "@/lib/delivery-log/delivery-list-search";
import { ZDeliveryLogQuery } from "@/lib/delivery-log/delivery-log-filter";
import { listLinkedinBudgets } from "@/lib/delivery-log/list-linkedin-budgets";
import { listOrganizations } from "@/lib/organizations/list-organizations";

export const metadata: Metadata = { title: "Deliveries" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The URL's parameters as strings (a repeated one counts by its last value, as a form would send it). */
function singleValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => {
      const last = Array.isArray(value) ? value.at(-1) : value;
      return last === undefined ? [] : [[key, last]];
    }),
  );
}

export default async function DeliveriesPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = singleValues(await searchParams);
  const admin = await requireAdmin(`/deliveries${deliveryListSearch(raw)}`);
  const scope = scopeFor(admin);
  const parsed = ZDeliveryLogQuery.safeParse(raw);
  const [organizations, budgets] = await Promise.all([
    listOrganizations(db(), scope),
    listLinkedinBudgets(db(), scope),
  ]);
  // Echo only what parsed, as typed (dates stay "2026-11-23T10:00"), in the URL's fixed order.
  const search = parsed.success ? pickListSearch(raw) : {};
  const initial = parsed.success ? await readAdminDeliveryPage(db(), scope, parsed.data) : null;
  return (
    <AppShell
      user={admin}
      current="/deliveries"
      title="Deliveries"
      description="Every signal, history item and note queued for SEEK and LinkedIn, and every operational webhook to the ATS, newest first. The list refreshes itself every few seconds."
    >
      <LinkedinBudgetPanel initial={budgets} />
      <DeliveryFilters
        key={deliveryListSearch(search)}
        search={search}
        organizations={organizations.map((org) => ({ id: org.id, name: org.name }))}
        channels={CHANNELS}
      />
      {initial ? (
        <BulkDeliveryActions key={`bulk${deliveryListSearch(search, { cursor: undefined })}`} search={search} />
      ) : null}
      {initial ? (
        // Keyed by the filter and page: a new view starts with nothing ticked.
        <DeliveriesLive key={`live${deliveryListSearch(search)}`} initial={initial} search={search} />
      ) : (
        <Card>
          <div role="alert" className="text-sm text-red-800" data-testid="filter-error">
            <p className="font-medium">These filters are not valid, so nothing is shown.</p>
            <ul className="mt-2 list-disc pl-5">
              {parsed.error?.issues.map((issue) => (
                <li key={`${issue.path.join(".")}:${issue.message}`}>
                  <span className="font-mono">{issue.path.join(".") || "query"}</span>: {issue.message}
                </li>
              ))}
            </ul>
            <p className="mt-3">
              <Link href="/deliveries" className={linkClass}>
                Show all deliveries
              </Link>
            </p>
          </div>
        </Card>
      )}
    </AppShell>
  );
}
