// What someone paged at 3 a.m. reads first: each thing on the overview that needs a person, worst first,
// as a sentence with a link to the rows behind it. Ages are measured from the snapshot's own time
// (generatedAt), so the server render and the browser say the same thing. Pure.

import { deliveryListSearch } from "../delivery-log/delivery-list-search";
import { plural } from "../format/plural";
import { formatDuration } from "./format-duration";
import { isOverExpectation } from "./latency-verdict";
import type { TOverview } from "./overview-types";

export type TProblem = {
  severity: "critical" | "warning";
  text: string;
  href?: string;
  /** the link's words, when it leads elsewhere than the rows themselves */
  linkText?: string;
};

const list = (channel: string, state?: string) => `/deliveries${deliveryListSearch({ channel, state })}`;

export function overviewProblems(overview: TOverview, names: (channel: string) => string): TProblem[] {
  const critical: TProblem[] = [];
  const warnings: TProblem[] = [];
  const at = Date.parse(overview.generatedAt);
  const waiting = overview.channels.reduce((sum, channel) => sum + channel.pending, 0);

  if (overview.workers.alive.length === 0) {
    const problem = {
      text: `No delivery worker is alive${waiting ? `: ${plural(waiting, "delivery is", "deliveries are")} waiting` : ""}. Check that the app (its inline worker) or npm run worker is running.`,
    };
    (waiting ? critical : warnings).push({ severity: waiting ? "critical" : "warning", ...problem });
  }
  for (const channel of overview.channels) {
    const name = names(channel.channel);
    if (channel.control.paused) {
      warnings.push({
        severity: "warning",
        text: `${name} is paused${channel.control.changedBy ? ` by ${channel.control.changedBy}` : ""}: ${plural(channel.pending, "delivery waits", "deliveries wait")} until someone resumes it.`,
        href: list(channel.channel, "pending"),
      });
    }
    if (isOverExpectation(channel.latency.p99Ms, overview.expectationMs)) {
      critical.push({
        severity: "critical",
        text: `${name}: p99 event-to-delivery time is ${formatDuration(channel.latency.p99Ms)}, over SEEK's ${Math.round(overview.expectationMs / 1000)} s.`,
        href: list(channel.channel, "delivered"),
      });
    }
    if (channel.lastHour.missedDeadlines > 0) {
      critical.push({
        severity: "critical",
        text: `${name}: ${plural(channel.lastHour.missedDeadlines, "deadline", "deadlines")} missed in the last hour.`,
        href: list(channel.channel),
      });
    }
    const ended = channel.lastHour.failed + channel.lastHour.dead;
    if (ended > 0) {
      critical.push({
        severity: "critical",
        text: `${name}: ${plural(ended, "delivery", "deliveries")} failed or died in the last hour and will not be retried on their own.`,
        // Failures are worked through as groups by cause (organization + error), not row by row.
        href: "/failures",
        linkText: "Show failure groups",
      });
    }
    const oldest = channel.oldestPendingAt ? at - Date.parse(channel.oldestPendingAt) : null;
    if (!channel.control.paused && oldest !== null && oldest > overview.expectationMs) {
      warnings.push({
        severity: "warning",
        text: `${name}: the oldest pending delivery has waited ${formatDuration(oldest)}.`,
        href: list(channel.channel, "pending"),
      });
    }
  }
  return [...critical, ...warnings];
}
