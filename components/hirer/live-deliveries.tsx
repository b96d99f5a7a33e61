"use client";
// The "Sent to job boards" table, kept current: the page renders the first rows on the server, then React
// Query polls GET /api/hirer/deliveries (decision 0073: live pages with React Query), so a delivery that
// fails or gets through shows up without a reload, in the portal's frame as on the hirer pages.
import { useQuery } from "@tanstack/react-query";
import type { TRecordDelivery } from "@/lib/delivery/deliveries-of-record";
import { fetchJson } from "../deliveries/fetch-json";
import { DeliveriesTable } from "./deliveries-table";

type TWireDelivery = Omit<TRecordDelivery, "createdAt" | "deliveredAt"> & {
  createdAt: string;
  deliveredAt: string | null;
};

const REFRESH_MS = 5_000;

export function LiveDeliveries({
  initial,
  source,
  empty,
  retry,
  linkToDelivery = false,
}: {
  initial: TRecordDelivery[];
  /** the record, as the API names it */
  source: { org: string } & ({ applicationId: string } | { positionId: string });
  empty: string;
  retry: boolean;
  /** admins: each board name links to the delivery's own page */
  linkToDelivery?: boolean;
}) {
  const url = `/api/hirer/deliveries?${new URLSearchParams(source)}`;
  const { data, error } = useQuery({
    queryKey: ["record-deliveries", url],
    queryFn: async ({ signal }) => {
      const { deliveries } = await fetchJson<{ deliveries: TWireDelivery[] }>(url, signal);
      return deliveries.map((d) => ({
        ...d,
        createdAt: new Date(d.createdAt),
        deliveredAt: d.deliveredAt ? new Date(d.deliveredAt) : null,
      }));
    },
    initialData: initial,
    refetchInterval: REFRESH_MS,
  });
  return (
    <>
      {error ? (
        <p className="mb-2 text-xs text-rose-800" role="status">
          Not refreshing: {error.message}
        </p>
      ) : null}
      <DeliveriesTable deliveries={data} empty={empty} retry={retry} linkToDelivery={linkToDelivery} />
    </>
  );
}
