"use client";
// One channel on the overview: its switch, what waits now, what ended in the last hour and day (each
// count opens the delivery log filtered to those rows), latency against SEEK's 60 s, the error rate and
// the hour minute by minute.
import { Badge } from "@/components/ui/badge";
import { cardClass } from "@/components/ui/styles";
import { Table, type TTableColumn } from "@/components/ui/table";
import { errorRate, formatRate } from "@/lib/dashboard/error-rate";
import { formatDuration } from "@/lib/dashboard/format-duration";
import type { TChannelOverview, TWindowCounts } from "@/lib/dashboard/overview-types";
import { formatDateTime } from "@/lib/format/format-date-time";
import { CHANNEL_PURPOSE, channelName } from "./channel-names";
import { CountLink } from "./count-link";
import { LatencyPanel } from "./latency-panel";
import { PauseControl } from "./pause-control";
import { ThroughputChart } from "./throughput-chart";

const ROWS: { key: keyof TWindowCounts; label: string; state?: string; bad: boolean }[] = [
  { key: "delivered", label: "Delivered", state: "delivered", bad: false },
  { key: "failed", label: "Failed", state: "failed", bad: true },
  { key: "dead", label: "Dead", state: "dead", bad: true },
  { key: "expired", label: "Expired", state: "expired", bad: false },
  { key: "missedDeadlines", label: "Missed deadlines", bad: true },
];

type TSpan = "lastHour" | "lastDay";
const OUTCOME_COLUMNS: TTableColumn<"outcome" | TSpan>[] = [
  { id: "outcome", header: "Outcome", rowHeader: true, cellClassName: "text-slate-700" },
  { id: "lastHour", header: "Last hour", className: "text-right" },
  { id: "lastDay", header: "Last day", className: "text-right" },
];

export function ChannelCard({
  channel,
  expectationMs,
  generatedAt,
  drawn,
}: {
  channel: TChannelOverview;
  expectationMs: number;
  generatedAt: string;
  drawn: boolean;
}) {
  const name = channelName(channel.channel);
  const headingId = `channel-${channel.channel}`;
  const oldestMs = channel.oldestPendingAt ? Date.parse(generatedAt) - Date.parse(channel.oldestPendingAt) : null;
  const rate = errorRate(channel.attempts);
  const { control } = channel;
  return (
    <section
      aria-labelledby={headingId}
      className={`${cardClass} ${control.paused ? "ring-2 ring-amber-300" : ""}`}
      data-testid={`channel-${channel.channel}`}
      data-paused={control.paused}
    >
      <header
        className={`flex flex-wrap items-start justify-between gap-3 rounded-t-lg border-b border-slate-200 px-4 py-3 sm:px-5 ${control.paused ? "bg-amber-50" : ""}`}
      >
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={headingId} className="text-base font-semibold text-slate-900">
              {name}
            </h2>
            <span className="font-mono text-xs text-slate-500">{channel.channel}</span>
            <span data-testid="channel-state">
              {control.paused ? <Badge tone="amber">Paused</Badge> : <Badge tone="green">Running</Badge>}
            </span>
          </div>
          <p className="mt-0.5 text-sm text-slate-500">{CHANNEL_PURPOSE[channel.channel]}</p>
          {control.changedAt ? (
            <p className="mt-0.5 text-xs text-slate-500" data-testid="channel-changed">
              {control.paused ? "Paused" : "Resumed"}
              {control.changedBy ? ` by ${control.changedBy}` : ""} at {formatDateTime(new Date(control.changedAt))}
            </p>
          ) : null}
        </div>
        <PauseControl channel={channel.channel} name={name} paused={control.paused} />
      </header>

      <div className="grid gap-5 px-4 py-4 sm:px-5 lg:grid-cols-2">
        <div className="min-w-0 space-y-4">
          <dl className="grid grid-cols-3 gap-2">
            <Stat label="Pending">
              <CountLink count={channel.pending} channel={channel.channel} state="pending" label={`pending, ${name}`} />
            </Stat>
            <Stat label="In flight">
              <CountLink
                count={channel.inFlight}
                channel={channel.channel}
                state="in_flight"
                label={`in flight, ${name}`}
              />
            </Stat>
            <Stat label="Oldest pending">
              <span
                className={`tabular-nums ${oldestMs !== null && oldestMs > expectationMs ? "text-amber-800" : "text-slate-900"}`}
              >
                {oldestMs === null ? "—" : formatDuration(oldestMs)}
              </span>
            </Stat>
          </dl>

          <Table
            density="compact"
            columns={OUTCOME_COLUMNS}
            caption={`${name}: deliveries that ended in the last hour and the last day`}
            rows={ROWS.map((row) => {
              const count = (span: TSpan, words: string) => (
                <CountLink
                  count={channel[span][row.key]}
                  channel={channel.channel}
                  state={row.state}
                  label={`${row.label.toLowerCase()} in the ${words}, ${name}`}
                  tone={row.bad ? "bad" : "plain"}
                />
              );
              return {
                id: row.key,
                cells: {
                  outcome: row.label,
                  lastHour: count("lastHour", "last hour"),
                  lastDay: count("lastDay", "last day"),
                },
              };
            })}
          />
        </div>

        <div className="min-w-0 space-y-4">
          <LatencyPanel latency={channel.latency} expectationMs={expectationMs} />
          <div>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-sm font-medium text-slate-700">Last hour by minute</h3>
              <p className="text-xs text-slate-600" data-testid="error-rate">
                Error rate{" "}
                <span className={`font-semibold tabular-nums ${rate ? "text-red-700" : "text-slate-900"}`}>
                  {formatRate(rate)}
                </span>{" "}
                <span className="text-slate-500">
                  ({channel.attempts.failed.toLocaleString("en")} of {channel.attempts.total.toLocaleString("en")}{" "}
                  attempts)
                </span>
              </p>
            </div>
            <ThroughputChart points={channel.perMinute} name={name} drawn={drawn} />
          </div>
        </div>
      </div>
    </section>
  );
}

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="rounded-md bg-slate-50 px-2.5 py-2 ring-1 ring-inset ring-slate-200">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold">{children}</dd>
    </div>
  );
}
