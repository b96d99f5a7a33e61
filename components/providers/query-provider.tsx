"use client";
// One React Query client per browser tab, for the pages whose data refreshes itself (the deliveries
// pages). Pages render their first data on the server and hand it over as initialData; React Query only
// takes over the refreshing.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // A failed poll is shown and retried by the next interval; no burst of retries on top.
            retry: 1,
            refetchOnWindowFocus: true,
            staleTime: 1_000,
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
