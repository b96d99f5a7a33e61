"use client";
// The overview that keeps itself current: the server renders the first snapshot, then React Query polls
// GET /api/admin/overview every few seconds. When a poll fails the last snapshot stays on screen with a
// plain message saying how old it is; the next poll tries again.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/deliveries/fetch-json";
import { LiveStatus } from "@/components/deliveries/live-status";
import { useNow } from "@/components/deliveries/use-now";
import { overviewProblems } from "@/lib/dashboard/overview-problems";
import type { TOverview } from "@/lib/dashboard/overview-types";
import { formatDateTimeSeconds } from "@/lib/format/format-date-time";
import { ChannelCard } from "./channel-card";
import { channelName } from "./channel-names";
import { OverviewEmpty } from "./overview-empty";
import { OVERVIEW_POLL_MS, OVERVIEW_QUERY_KEY } from "./overview-query";
import { ProblemsBanner } from "./problems-banner";
import { WorkersPanel } from "./workers-panel";

export function OverviewLive({ initial }: { initial: TOverview }) {
  const query = useQuery({
    queryKey: OVERVIEW_QUERY_KEY,
    queryFn: ({ signal }) => fetchJson<TOverview>("/api/admin/overview", signal),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.generatedAt),
    refetchInterval: OVERVIEW_POLL_MS,
  });
  const now = useNow();
  const overview = query.data;
  const problems = overviewProblems(overview, channelName);

  return (
    <div className="space-y-6" data-testid="overview">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          Snapshot {formatDateTimeSeconds(new Date(overview.generatedAt))} · refreshes every {OVERVIEW_POLL_MS / 1000} s
        </p>
        <LiveStatus updatedAt={query.dataUpdatedAt} now={now} fetching={query.isFetching} />
      </div>
      {query.isError ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          data-testid="refresh-error"
        >
          Couldn't refresh: {query.error.message} Showing data from{" "}
          {formatDateTimeSeconds(new Date(overview.generatedAt))}; trying again every {OVERVIEW_POLL_MS / 1000} s.
        </p>
      ) : null}
      {overview.hasDeliveries ? null : <OverviewEmpty />}
      {overview.hasDeliveries || problems.length ? (
        <ProblemsBanner
          problems={problems}
          delivering={overview.channels.some((channel) => channel.latency.samples > 0)}
        />
      ) : null}
      {overview.channels.map((channel) => (
        <ChannelCard
          key={channel.channel}
          channel={channel}
          expectationMs={overview.expectationMs}
          generatedAt={overview.generatedAt}
          drawn={now !== null}
        />
      ))}
      <WorkersPanel
        workers={overview.workers}
        livenessMs={overview.livenessMs}
        now={now ?? new Date(overview.generatedAt)}
      />
    </div>
  );
}
