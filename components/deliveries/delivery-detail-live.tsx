"use client";
import { useQuery } from "@tanstack/react-query";
// One delivery, refreshing itself: its state and what happens next, Retry now / Cancel, its facts, the
// payload as sent (tokens shown as a prefix) and every attempt. Rendered first on the server, then
// polled through /api/admin/deliveries/:id.
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import type { TAdminDeliveryDetail } from "@/lib/delivery-log/admin-delivery-types";
import { deliveryStatusLine } from "@/lib/delivery-log/status-line";
import { formatDateTime } from "@/lib/format/format-date-time";
import { formatRelative } from "@/lib/format/format-relative";
import { AttemptTimeline } from "./attempt-timeline";
import { POLL_MS } from "./deliveries-live";
import { DeliveryActions } from "./delivery-actions";
import { fetchJson } from "./fetch-json";
import { LiveStatus } from "./live-status";
import { StateBadge } from "./state-badge";
import { useNow } from "./use-now";

type Actions = Pick<ComponentProps<typeof DeliveryActions>, "retryAction" | "cancelAction">;

const at = (iso: string | null) => (iso ? new Date(iso) : null);

export function DeliveryDetailLive({ initial, ...actions }: { initial: TAdminDeliveryDetail } & Actions) {
  const query = useQuery({
    queryKey: ["admin-delivery", initial.id],
    queryFn: ({ signal }) =>
      fetchJson<TAdminDeliveryDetail>(`/api/admin/deliveries/${encodeURIComponent(initial.id)}`, signal),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(initial.generatedAt),
    refetchInterval: POLL_MS,
  });
  const now = useNow();
  const d = query.data;
  // One line for what happens next: pause, circuit and lease all accounted for (lib/delivery-log/status-line).
  const line = deliveryStatusLine(
    {
      state: d.state,
      nextAttemptAt: new Date(d.nextAttemptAt),
      leaseOwner: d.leaseOwner,
      leaseExpiresAt: at(d.leaseExpiresAt),
      lastErrorCode: d.lastErrorCode,
      deliveredAt: at(d.deliveredAt),
      channel: d.channel,
      destination: d.destination,
      channelPaused: d.cause.channelPaused,
      destinationBlockedUntil: at(d.cause.destinationBlockedUntil),
      destinationLastError: d.cause.destinationLastError,
    },
    now ?? new Date(d.generatedAt),
  );
  const when = (iso: string | null, empty = "—") => {
    const date = at(iso);
    if (!date) return empty;
    return now ? `${formatDateTime(date)} (${formatRelative(date, now)})` : formatDateTime(date);
  };

  return (
    <>
      {query.isError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          Could not refresh: {query.error.message} What you see is the last version loaded.
        </p>
      ) : null}
      <Card
        title="Status"
        actions={<LiveStatus updatedAt={query.dataUpdatedAt} now={now} fetching={query.isFetching} />}
      >
        <div className="space-y-4">
          <div className="flex flex-wrap items-start gap-3" data-testid="delivery-status">
            <span className="scale-110 origin-left" data-testid="delivery-state" data-state={d.state}>
              <StateBadge state={d.state} />
            </span>
            <p className="min-w-0 flex-1 text-sm text-slate-700" data-testid="status-line" data-kind={line.kind}>
              <span
                className={line.kind === "paused" || line.kind === "circuit" ? "font-medium text-amber-800" : undefined}
              >
                {line.text}
              </span>
              {line.at && (line.kind === "scheduled" || line.kind === "circuit") ? (
                <span className="block text-slate-600">Next attempt {when(line.at.toISOString())}</span>
              ) : null}
              {line.at && line.kind === "sending" ? (
                <span className="block text-slate-600">Its lease runs until {when(line.at.toISOString())}</span>
              ) : null}
            </p>
          </div>
          {d.lastErrorCode || d.lastError ? (
            <div className="rounded-md border border-red-100 bg-red-50 px-3 py-2 text-sm" data-testid="last-error">
              {line.errorLabel ? (
                <p className="text-xs font-medium text-slate-700" data-testid="error-label">
                  {line.errorLabel}
                </p>
              ) : null}
              <p className="font-mono text-xs font-semibold text-red-800">{d.lastErrorCode ?? "error"}</p>
              {d.lastError ? <p className="mt-1 text-red-800 [overflow-wrap:anywhere]">{d.lastError}</p> : null}
              {d.errorHint ? (
                <p className="mt-1 text-slate-700" data-testid="error-hint">
                  {d.errorHint}
                </p>
              ) : null}
            </div>
          ) : null}
          <DeliveryActions deliveryId={d.id} state={d.state} {...actions} />
        </div>
      </Card>

      <CauseCard cause={d.cause} when={when} />

      <Card title="Details">
        <dl className="grid grid-cols-1 gap-x-8 gap-y-3 text-sm sm:grid-cols-2 xl:grid-cols-3">
          <Fact label="Organization">
            {d.organizationName} <span className="text-slate-500">({d.organizationSlug})</span>
          </Fact>
          <Fact label="Channel">{d.channel}</Fact>
          <Fact label="Kind">{d.kind}</Fact>
          <Fact label="Destination" mono>
            {d.destination}
          </Fact>
          <Fact label="Attempts">{d.attempts}</Fact>
          <Fact label="Next attempt">
            {line.kind === "due"
              ? "due now"
              : (line.kind === "scheduled" || line.kind === "circuit") && line.at
                ? when(line.at.toISOString())
                : line.kind === "paused"
                  ? "when the channel is resumed"
                  : "— (not scheduled)"}
          </Fact>
          <Fact label="Event time">{when(d.occurredAt)}</Fact>
          <Fact label="Queued">{when(d.createdAt)}</Fact>
          <Fact label="Delivered">{when(d.deliveredAt, "not yet")}</Fact>
          <Fact label="Identifier expires">{when(d.expiresAt)}</Fact>
          <Fact label="Due by">{when(d.dueBy)}</Fact>
          <Fact label="Seek-token" mono>
            {d.tokenPrefix ? `${d.tokenPrefix}…` : "—"}
          </Fact>
          <Fact label="Lease">
            {d.leaseOwner ? (
              <>
                <span className="font-mono">{d.leaseOwner}</span> until {when(d.leaseExpiresAt)}
              </>
            ) : (
              "—"
            )}
          </Fact>
          <Fact label="Ordering key" mono>
            {d.orderingKey ?? "—"}
          </Fact>
          <Fact label="Delivery id" mono>
            {d.id}
          </Fact>
          <Fact label="Event id" mono>
            {d.eventId ?? "—"}
          </Fact>
          {d.applicationId ? (
            <Fact label="Application id" mono>
              {d.applicationId}
            </Fact>
          ) : null}
          {d.positionId ? (
            <Fact label="Position id" mono>
              {d.positionId}
            </Fact>
          ) : null}
          {d.candidateId ? (
            <Fact label="Candidate id" mono>
              {d.candidateId}
            </Fact>
          ) : null}
        </dl>
      </Card>

      <Card
        title="Payload as sent"
        description="The request body fragment the channel sends (JSON keys in the database’s order). Tokens and secrets show only their first characters."
      >
        <pre
          className="max-h-[32rem] overflow-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded-md bg-slate-900 px-4 py-3 font-mono text-xs leading-relaxed text-slate-100"
          data-testid="payload"
        >
          {d.payloadText}
        </pre>
      </Card>

      <Card
        title="Attempts"
        description={
          d.attemptLog.length === 0
            ? undefined
            : `${d.attemptLog.length} recorded, oldest first. Bodies are stored redacted; open one to read it.`
        }
      >
        <AttemptTimeline attempts={d.attemptLog} claimed={d.attempts} />
      </Card>
    </>
  );
}

function CauseCard({ cause, when }: { cause: TAdminDeliveryDetail["cause"]; when: (iso: string | null) => string }) {
  const event = cause.event;
  return (
    <Card title="What caused it" description="The business event that queued this delivery.">
      <dl
        className="grid grid-cols-1 gap-x-8 gap-y-3 text-sm sm:grid-cols-2 xl:grid-cols-3"
        data-testid="delivery-cause"
      >
        <Fact label="Event">{event ? event.type : "— (no event recorded)"}</Fact>
        {event && (event.fromStatusKey || event.toStatusKey) ? (
          <Fact label="Status">
            <span className="font-mono">{event.fromStatusKey ?? "(none)"}</span> →{" "}
            <span className="font-mono">{event.toStatusKey ?? "(none)"}</span>
          </Fact>
        ) : null}
        {event ? <Fact label="Triggered by">{event.triggeredBy}</Fact> : null}
        {event ? <Fact label="Happened">{when(event.occurredAt)}</Fact> : null}
        {cause.application ? (
          <Fact label="Application (ATS id)">
            <Link href={cause.application.href} className={linkClass}>
              {cause.application.externalId}
            </Link>
          </Fact>
        ) : null}
        {cause.position ? (
          <Fact label="Position (ATS id)">
            <Link href={cause.position.href} className={linkClass}>
              {cause.position.externalId}
            </Link>
          </Fact>
        ) : null}
        {cause.candidate ? (
          <Fact label="Candidate (ATS id)" mono>
            {cause.candidate.externalId ?? `— (Signalhouse ${cause.candidate.id})`}
          </Fact>
        ) : null}
      </dl>
    </Card>
  );
}

function Fact({ label, mono = false, children }: { label: string; mono?: boolean; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`mt-0.5 text-slate-900 [overflow-wrap:anywhere] ${mono ? "font-mono text-xs" : ""}`}>
        {children}
      </dd>
    </div>
  );
}
