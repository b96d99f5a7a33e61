// /failures — failed and dead deliveries grouped by organization, channel and error code, to acknowledge
// or resolve, each linking to its rows in the log; and "recover everything failed since …". Admins only.

import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell/app-shell";
import { FailureGroupsTable } from "@/components/failures/failure-groups-table";
import { RecoverSince } from "@/components/failures/recover-since";
import { Card } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/guards";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { listFailureGroups } from "@/lib/delivery-log/failure-groups/list-failure-groups";
import { plural } from "@/lib/format/plural";

export const metadata: Metadata = { title: "Failures" };
export const dynamic = "force-dynamic";

const DAY = 86_400_000;

export default async function FailuresPage() {
  const admin = await requireAdmin("/failures");
  const groups = await listFailureGroups(db(), scopeFor(admin));
  const active = groups.filter((g) => g.status !== "resolved");
  const resolved = groups.filter((g) => g.status === "resolved");
  // A day back, to the minute, as a datetime-local input shows it (UTC, like every time on these pages).
  const defaultSince = new Date(Date.now() - DAY).toISOString().slice(0, 16);
  return (
    <AppShell
      user={admin}
      current="/failures"
      title="Failures"
      description="Failed and dead deliveries grouped by organization, channel and error: acknowledge what you are on, resolve what you fixed (it reopens if it fails again), or send everything again."
    >
      <Card title="Recover everything that failed since…">
        <RecoverSince defaultSince={defaultSince} />
      </Card>
      <Card
        title="Open"
        description={
          active.length === 0
            ? "Nothing failed that is not resolved."
            : `${plural(active.length, "group", "groups")}, most recent first`
        }
      >
        {active.length > 0 ? <FailureGroupsTable groups={active} caption="Open failure groups" /> : null}
      </Card>
      {resolved.length > 0 ? (
        <Card title="Resolved" description="Hidden from the overview until they fail again.">
          <FailureGroupsTable groups={resolved} caption="Resolved failure groups" />
        </Card>
      ) : null}
    </AppShell>
  );
}
