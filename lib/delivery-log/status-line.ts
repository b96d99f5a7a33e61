// A delivery's one status line: what happens next, accounting for everything that can hold it back (a
// paused channel, an open circuit to its destination, a worker's lease), so the page never says "Due now"
// above "Held back until 03:31", nor "Next attempt 4 s ago". Also says how to read the last error: for a
// row still being retried it is the previous attempt's, not a verdict. Pure, on explainSchedule.
import { explainSchedule, type TScheduleFacts } from "./explain-schedule";

export type TStatusFacts = TScheduleFacts & {
  channel: string;
  destination: string;
  channelPaused: boolean;
  destinationBlockedUntil: Date | null;
  destinationLastError: string | null;
};

export type TStatusLine = {
  kind: "due" | "scheduled" | "paused" | "circuit" | "sending" | "stranded" | "final";
  text: string;
  /** the moment the line refers to (effective next attempt, lease end, delivery), or null */
  at: Date | null;
  /** the heading of the last error box, or null when there is none to show */
  errorLabel: string | null;
};

function errorLabel(facts: TStatusFacts): string | null {
  if (!facts.lastErrorCode) return null;
  if (facts.state === "pending" || facts.state === "in_flight") return "Previous attempt failed (it is being retried)";
  if (facts.state === "delivered") return "An earlier attempt failed (since delivered)";
  return "Why it stopped";
}

export function deliveryStatusLine(facts: TStatusFacts, now: Date): TStatusLine {
  const label = errorLabel(facts);
  if (facts.state === "pending") {
    if (facts.channelPaused) {
      return {
        kind: "paused",
        text: `Held back: the ${facts.channel} channel is paused; it is sent once an admin resumes the channel.`,
        at: null,
        errorLabel: label,
      };
    }
    const blocked = facts.destinationBlockedUntil;
    if (blocked && blocked.getTime() > now.getTime()) {
      // The row cannot go before the circuit half-opens, whatever its own nextAttemptAt says.
      const at = new Date(Math.max(blocked.getTime(), facts.nextAttemptAt.getTime()));
      return {
        kind: "circuit",
        text: `Held back until the time below: the circuit to ${facts.destination} is open after repeated failures${facts.destinationLastError ? ` (${facts.destinationLastError})` : ""}; it is tried again then.`,
        at,
        errorLabel: label,
      };
    }
  }
  const schedule = explainSchedule(facts, now);
  return { ...schedule, errorLabel: label };
}
