// / — signed-in landing. Admins get the live delivery overview (per-channel health, latency against SEEK's
// 60 s, workers, pause/resume) and the admin pages; hirers go to their positions.
import { redirect } from "next/navigation";
import { AppShell } from "@/components/app-shell/app-shell";
import { AdminLinks } from "@/components/overview/admin-links";
import { OverviewLive } from "@/components/overview/overview-live";
import { QueryProvider } from "@/components/providers/query-provider";
import { requireUser } from "@/lib/auth/guards";
import { readOverview } from "@/lib/dashboard/read-overview";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const user = await requireUser("/");
  if (user.role !== "admin") redirect("/positions");
  const initial = await readOverview(db());
  return (
    <AppShell
      user={user}
      current="/"
      title="Overview"
      description="Are signals reaching SEEK and LinkedIn? Per channel: what waits, what failed, how long delivery takes, and the workers sending it."
    >
      <QueryProvider>
        <OverviewLive initial={initial} />
      </QueryProvider>
      <AdminLinks />
    </AppShell>
  );
}
