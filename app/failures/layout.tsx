// /failures — its bulk changes refresh the lists they touched through React Query. (The page guards itself.)
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";

export default function FailuresLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
