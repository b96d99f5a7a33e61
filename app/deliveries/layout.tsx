// /deliveries/* — live pages: their client components refresh through React Query. (Each page guards itself.)
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";

export default function DeliveriesLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
