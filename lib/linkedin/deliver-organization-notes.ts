// One organization's share of a send: its credentials, its changes planned into ordered requests per
// application (plan-note-requests.ts), each request throttled, authorised and sent, and every entity's
// answer turned into that delivery's outcome. Applications proceed side by side; within one, a change
// is never sent while an earlier one still has to be retried (docs/decisions/0050). Whatever stops the
// organization (throttle, refused credentials, 429) leaves its remaining changes unsent, as retries.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { SendContext } from "../delivery/channel";
import type { LinkedinAccessTokens } from "./access-token";
import { buildNotesRequest } from "./build-notes-request";
import { classifyNotesResponse } from "./classify-notes-response";
import { loadLinkedinCredentials } from "./credentials";
import { LinkedinTokenError } from "./fetch-access-token";
import type { LinkedinSettings } from "./linkedin-settings";
import { entityErrorCodes, notesRequestLog } from "./notes-request-log";
import { type NoteChange, type PlannedRequest, planNoteRequests } from "./plan-note-requests";
import type { RetryCause, SendCollector } from "./send-collector";
import { sendNotesRequest } from "./send-notes-request";
import { type LinkedinLimits, reserveLinkedinRequest } from "./throttle";

export type OrganizationSendDeps = {
  db: Db;
  settings: LinkedinSettings;
  tokens: LinkedinAccessTokens;
  limits: LinkedinLimits;
  requestTimeoutMs: number;
  /** Date.now() after which no new request starts (the send's time budget) */
  startBy: number;
  /** applications sent side by side */
  concurrency: number;
  context: SendContext;
};

/** A misconfiguration or refusal holds the destination this long, so it is visible and retried. */
const CONFIG_BACKOFF_MS = 5 * 60_000;
/** After this many 5xx or unanswered requests in one send, the rest waits for the next attempt. */
const MAX_TRANSIENT_FAILURES = 2;

export const ORDER_HELD = "LINKEDIN_ORDER_HELD";
export const SEND_BUDGET = "LINKEDIN_SEND_BUDGET";

const holdCause = (request: PlannedRequest, cause: RetryCause): RetryCause => ({
  code: ORDER_HELD,
  message: `Waits for an earlier note change of application ${request.atsJobApplicationId} to reach LinkedIn (${cause.code}).`,
  ...(cause.notBefore ? { notBefore: cause.notBefore } : {}),
});

export async function deliverOrganizationNotes(
  organizationId: string,
  changes: readonly NoteChange[],
  deps: OrganizationSendDeps,
  out: SendCollector,
): Promise<void> {
  const { context } = deps;
  const configBackoff = () => new Date(context.now().getTime() + CONFIG_BACKOFF_MS);

  const found = await loadLinkedinCredentials(deps.db, organizationId, deps.settings);
  if (!found.ok) {
    // Not `failed`: the notes are kept and go out once the organization is configured (decision 0052).
    out.retry(changes, { code: found.code, message: found.message });
    out.backOff(configBackoff(), found.message);
    return;
  }
  const credentials = found.credentials;
  let stop: RetryCause | null = null;
  let transientFailures = 0;

  /** Nothing more of this organization goes out in this send; returns what its unsent changes say. */
  const stopOrganization = (cause: RetryCause, holdUntil?: Date): RetryCause => {
    stop ??= { ...cause, message: `Not sent: ${cause.message}` };
    if (holdUntil) out.backOff(holdUntil, cause.message);
    return stop;
  };
  /** The request's changes are retried; `stops` says whether the rest of the organization waits too. */
  const retryRequest = (request: PlannedRequest, cause: RetryCause, stops: boolean, holdUntil?: Date) => {
    out.retry(request.changes, cause);
    if (stops) stopOrganization(cause, holdUntil);
    return cause;
  };

  /** Sends one planned request; returns the cause that must hold the application's later changes, if any. */
  async function send(request: PlannedRequest, afterUnauthorized = false): Promise<RetryCause | null> {
    let token: string;
    try {
      token = await deps.tokens.get(credentials, context.now());
    } catch (error) {
      const rejected = error instanceof LinkedinTokenError && error.kind === "rejected";
      const code = rejected ? "LINKEDIN_CREDENTIALS_REJECTED" : "LINKEDIN_TOKEN_UNAVAILABLE";
      const message = error instanceof Error ? error.message : String(error);
      return retryRequest(request, { code, message }, true, rejected ? configBackoff() : undefined);
    }

    const grant = await reserveLinkedinRequest(deps.db, {
      clientId: credentials.clientId,
      records: request.changes.length,
      now: context.now(),
      limits: deps.limits,
    });
    if (!grant.granted) {
      return retryRequest(
        request,
        { code: grant.code, message: grant.message, notBefore: grant.notBefore },
        true,
        grant.notBefore,
      );
    }

    const wire = buildNotesRequest(deps.settings.apiUrl, credentials.integrationContext, request);
    const requestId = randomUUID();
    const result = await sendNotesRequest({
      ...wire,
      token,
      requestId,
      timeoutMs: deps.requestTimeoutMs,
      signal: context.signal,
    });
    const log = (answer: { status: number | null; body: string | null; durationMs: number }, errorCodes: string[]) =>
      out.log(
        notesRequestLog({
          requestId,
          deliveryIds: request.changes.map((c) => c.deliveryId),
          wire,
          answer,
          errorCodes,
          secrets: [token, credentials.clientSecret],
        }),
      );

    if (result.kind === "no-answer") {
      log({ status: null, body: null, durationMs: result.durationMs }, [result.code]);
      transientFailures += 1;
      const stops = result.code === "LINKEDIN_ABORTED" || transientFailures >= MAX_TRANSIENT_FAILURES;
      return retryRequest(request, result, stops);
    }

    const verdict = classifyNotesResponse({
      ...result,
      operation: request.operation,
      noteIds: wire.noteIds,
      now: context.now(),
    });
    log(result, verdict.kind === "answered" ? entityErrorCodes(verdict.entities) : [verdict.code]);
    switch (verdict.kind) {
      case "answered": {
        let held: RetryCause | null = null;
        for (const change of request.changes) {
          const entity = verdict.entities.get(change.payload.noteId)!;
          out.settle(change.deliveryId, entity);
          if (entity.kind === "retry") held ??= entity;
        }
        return held;
      }
      case "unauthorized":
        if (!afterUnauthorized) {
          // Expired or revoked: forget the token, fetch a new one, and try this request once more.
          await deps.tokens.invalidate(credentials, token);
          return send(request, true);
        }
        return retryRequest(request, verdict, true, configBackoff());
      case "rate-limited":
        return retryRequest(request, verdict, true, verdict.notBefore);
      case "forbidden":
        return retryRequest(request, verdict, true, configBackoff());
      case "retry":
        transientFailures += 1;
        return retryRequest(request, verdict, transientFailures >= MAX_TRANSIENT_FAILURES);
      case "failed":
        out.fail(request.changes, verdict.code, verdict.message);
        return null;
      case "rejected": {
        if (request.changes.length === 1) {
          out.fail(request.changes, verdict.code, verdict.message);
          return null;
        }
        // The whole batch was refused: send its changes one by one, in order, so only the culprit fails.
        return sendInOrder(request.changes.map((change) => ({ ...request, changes: [change] })));
      }
    }
  }

  /** One application's requests, one after another; a retried one holds the rest (never reordered). */
  async function sendInOrder(requests: PlannedRequest[]): Promise<RetryCause | null> {
    let held: RetryCause | null = null;
    for (const request of requests) {
      if (stop) out.retry(request.changes, stop);
      else if (held) out.retry(request.changes, holdCause(request, held));
      else if (context.signal.aborted) {
        out.retry(request.changes, stopOrganization({ code: "LINKEDIN_ABORTED", message: "the send was stopped." }));
      } else if (Date.now() + deps.requestTimeoutMs > deps.startBy) {
        const cause = { code: SEND_BUDGET, message: "no time was left in this attempt; it will be retried." };
        out.retry(request.changes, stopOrganization(cause));
      } else held = await send(request);
    }
    return held;
  }

  const plans = planNoteRequests(changes);
  let next = 0;
  const lane = async () => {
    for (let plan = plans[next++]; plan; plan = plans[next++]) await sendInOrder(plan.requests);
  };
  // allSettled: a lane that throws must not leave the others sending after this send has returned.
  const lanes = await Promise.allSettled(
    Array.from({ length: Math.max(1, Math.min(deps.concurrency, plans.length)) }, lane),
  );
  const broken = lanes.find((l) => l.status === "rejected");
  if (broken) throw broken.reason;
}
