"use client";
// The delivery workers, from their heartbeats: live ones first with the rows each holds now, then the
// ones that stopped or went quiet in the last day. A quiet worker still holding rows is the case to
// notice: its leases lapse and another worker takes the rows back.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import { formatDuration } from "@/lib/dashboard/format-duration";
import type { TOverview, TWorkerView } from "@/lib/dashboard/overview-types";
import { formatAge } from "@/lib/format/format-relative";
import { deliveriesHref } from "./count-link";

export function WorkersPanel({
  workers,
  livenessMs,
  now,
}: {
  workers: TOverview["workers"];
  livenessMs: number;
  now: Date;
}) {
  const { alive, inactive, heldByUnknown } = workers;
  return (
    <Card
      title="Workers"
      description={`Alive = beat within the last ${formatDuration(livenessMs)}. Rows held are in flight under the worker's lease.`}
    >
      <div className="space-y-5" data-testid="workers">
        <div>
          <h3 className="text-sm font-medium text-slate-700">
            Alive <span className="tabular-nums text-slate-500">({alive.length})</span>
          </h3>
          {alive.length ? (
            <WorkerList workers={alive} now={now} />
          ) : (
            <p className="mt-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-inset ring-red-200">
              No worker has beaten in the last {formatDuration(livenessMs)}: nothing is being delivered. Start the app (
              <code>npm start</code> runs a worker inline) or <code>npm run worker</code>.
            </p>
          )}
        </div>
        {inactive.length ? (
          <div>
            <h3 className="text-sm font-medium text-slate-700">
              Stopped or quiet in the last day <span className="tabular-nums text-slate-500">({inactive.length})</span>
            </h3>
            <WorkerList workers={inactive} now={now} />
          </div>
        ) : null}
        {heldByUnknown ? (
          <p className="text-sm text-amber-800">
            {heldByUnknown} in-flight {heldByUnknown === 1 ? "row is" : "rows are"} held by workers not listed here;
            their leases lapse and other workers take them back.{" "}
            <Link href={deliveriesHref("", "in_flight")} className={linkClass}>
              See rows in flight
            </Link>
          </p>
        ) : null}
      </div>
    </Card>
  );
}

const STATUS_TONE = { alive: "green", stale: "red", stopped: "neutral" } as const;

function WorkerList({ workers, now }: { workers: TWorkerView[]; now: Date }) {
  return (
    <ul className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
      {workers.map((worker) => (
        <li
          key={worker.workerId}
          className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-sm"
          data-testid="worker"
          data-status={worker.status}
        >
          <span className="flex min-w-0 items-center gap-2">
            <Badge tone={STATUS_TONE[worker.status]}>{worker.status}</Badge>
            <span className="font-medium text-slate-900">{worker.mode}</span>
          </span>
          <span className="min-w-0 truncate text-slate-700" title={worker.workerId}>
            {worker.hostname} · pid {worker.pid}
          </span>
          <span className="text-slate-700">
            holds{" "}
            {worker.holding ? (
              <span className={`font-semibold tabular-nums ${worker.status === "alive" ? "" : "text-amber-800"}`}>
                {worker.holding}
              </span>
            ) : (
              <span className="tabular-nums text-slate-400">0</span>
            )}
          </span>
          <span className="text-slate-500 sm:ml-auto">
            {worker.stoppedAt
              ? `stopped ${formatAge(new Date(worker.stoppedAt), now)}`
              : `last beat ${formatAge(new Date(worker.lastBeatAt), now)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
