"use client";
// The last hour of one channel, minute by minute: deliveries that reached the board (area) and attempts
// that did not (bars). Drawn only in the browser (recharts measures its container); the server and the
// first render show a placeholder of the same size so nothing jumps. The caption says in words what the
// chart shows, for people who cannot see it.
import { Area, Bar, CartesianGrid, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TMinutePoint } from "@/lib/dashboard/overview-types";

const HEIGHT = 150;

const minuteLabel = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "UTC",
});
const label = (iso: string) => minuteLabel.format(new Date(iso));

export function ThroughputChart({ points, name, drawn }: { points: TMinutePoint[]; name: string; drawn: boolean }) {
  const delivered = points.reduce((sum, p) => sum + p.delivered, 0);
  const failures = points.reduce((sum, p) => sum + p.failures, 0);
  const peak = points.reduce((max, p) => Math.max(max, p.delivered), 0);
  return (
    <figure className="min-w-0">
      <div className="relative h-[150px]" aria-hidden data-testid="throughput-chart">
        {drawn && delivered + failures === 0 ? (
          <p className="absolute inset-x-0 top-10 z-10 text-center text-xs text-slate-500">
            Nothing delivered or attempted in the last hour
          </p>
        ) : null}
        {drawn ? (
          <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 320, height: HEIGHT }}>
            {/* Hidden from assistive tech (the figure has a text summary), so not focusable either. */}
            <ComposedChart data={points} margin={{ top: 6, right: 6, bottom: 0, left: -18 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#e2e8f0" vertical={false} />
              <XAxis
                dataKey="at"
                tickFormatter={label}
                interval={14}
                tick={{ fontSize: 11, fill: "#64748b" }}
                tickLine={false}
                axisLine={{ stroke: "#cbd5e1" }}
              />
              <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} axisLine={false} />
              <Tooltip
                labelFormatter={(value) => `${label(String(value))} UTC`}
                contentStyle={{ fontSize: 12, borderRadius: 6 }}
              />
              <Area
                type="monotone"
                dataKey="delivered"
                name="Delivered"
                stroke="#4f46e5"
                fill="#c7d2fe"
                strokeWidth={1.5}
                isAnimationActive={false}
              />
              <Bar dataKey="failures" name="Failed attempts" fill="#dc2626" barSize={4} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        ) : (
          <div className="h-full w-full animate-pulse rounded-md bg-slate-100" />
        )}
      </div>
      <figcaption className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
        <span className="sr-only">{name}, last hour by minute: </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm bg-indigo-300 ring-1 ring-indigo-600" />
          {delivered.toLocaleString("en")} delivered{peak ? ` (peak ${peak}/min)` : ""}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm bg-red-600" />
          {failures.toLocaleString("en")} failed attempts
        </span>
        <span className="text-slate-500">UTC; the last minute is still in progress</span>
      </figcaption>
    </figure>
  );
}
