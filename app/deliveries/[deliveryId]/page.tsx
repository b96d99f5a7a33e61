// /deliveries/:id?back= — one delivery: state, what happens next, payload (tokens redacted), attempts; Retry now / Cancel. Admins only.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/app-shell/app-shell";
import { DeliveryDetailLive } from "@/components/deliveries/delivery-detail-live";
import { buttonSecondary } from "@/components/ui/styles";
import { cancelDeliveryAction } from "@/lib/actions/cancel-delivery";
import { retryDeliveryNowAction } from "@/lib/actions/retry-delivery-now";
import { requireAdmin } from "@/lib/auth/guards";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { readAdminDeliveryDetail } from "@/lib/delivery-log/admin-delivery-detail";
import { deliveryListSearch, pickListSearch } from "@/lib/delivery-log/delivery-list-search";
import { ZDeliveryLogQuery } from "@/lib/delivery-log/delivery-log-filter";
import { isAppError } from "@/lib/errors/app-error";

export const metadata: Metadata = { title: "Delivery" };
export const dynamic = "force-dynamic";

type Params = Promise<{ deliveryId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The list's filters to go back to, rebuilt from what they parse to (never echoed as given). */
function backSearch(back: string | string[] | undefined): string {
  if (typeof back !== "string" || !back.startsWith("?")) return "";
  const parsed = ZDeliveryLogQuery.safeParse(Object.fromEntries(new URLSearchParams(back)));
  if (!parsed.success) return "";
  return deliveryListSearch(pickListSearch(Object.fromEntries(new URLSearchParams(back))));
}

export default async function DeliveryPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { deliveryId } = await params;
  const admin = await requireAdmin(`/deliveries/${encodeURIComponent(deliveryId)}`);
  const back = backSearch((await searchParams).back);
  const detail = await readAdminDeliveryDetail(db(), scopeFor(admin), deliveryId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <AppShell
      user={admin}
      current="/deliveries"
      title={detail.kind}
      description={
        <>
          {detail.channel} delivery for {detail.organizationName} ·{" "}
          <span className="font-mono text-xs">{detail.id}</span>
        </>
      }
      actions={
        <Link href={`/deliveries${back}`} className={buttonSecondary}>
          ← {back ? "Back to the filtered list" : "All deliveries"}
        </Link>
      }
    >
      <DeliveryDetailLive initial={detail} retryAction={retryDeliveryNowAction} cancelAction={cancelDeliveryAction} />
    </AppShell>
  );
}
