// One organization's share of a send: its credentials, its changes planned into ordered requests per
// application (plan-note-requests.ts), each request throttled, authorised and sent, and every entity's
// answer turned into that delivery's outcome. Applications proceed side by side; within one, a change
// is never sent while an earlier one still has to be retried (docs/decisions/0050). Whatever stops the
// organization (throttle, refused credentials, 429) leaves its remaining changes unsent, as retries.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { ChannelRequestLog, DeliveryOutcome, SendContext } from "../delivery/channel";
import type { LinkedinAccessTokens } from "./access-token";
import { classifyNotesResponse, type EntityVerdict } from "./classify-notes-response";
import { loadLinkedinCredentials } from "./credentials";
import { LinkedinTokenError } from "./fetch-access-token";
import type { LinkedinSettings } from "./linkedin-settings";
import { batchUpdateBody, notesPathAndQuery, notesUrl } from "./notes-url";
import { type NoteChange, type PlannedRequest, planNoteRequests } from "./plan-note-requests";
import { redactLinkedinSecrets } from "./redact-linkedin-secrets";
import { sendNotesRequest } from "./send-notes-request";
import { type LinkedinLimits, reserveLinkedinRequest } from "./throttle";

/** What a send collects, shared by every organization of the batch. */
export type SendCollector = {
  outcomes: Map<string, DeliveryOutcome>;
  requests: ChannelRequestLog[];
  backoff?: { until: Date; reason: string };
};

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

/** Why changes were not sent (now): becomes their retry outcome. */
type Cause = { code: string; message: string; notBefore?: Date };

/** A misconfiguration or refusal holds the destination this long, so it is visible and retried. */
const CONFIG_BACKOFF_MS = 5 * 60_000;
/** After this many 5xx or unanswered requests in one send, the rest waits for the next attempt. */
const MAX_TRANSIENT_FAILURES = 2;
const MAX_LOGGED_BODY = 20_000;

export const ORDER_HELD = "LINKEDIN_ORDER_HELD";
export const SEND_BUDGET = "LINKEDIN_SEND_BUDGET";

export async function deliverOrganizationNotes(
  organizationId: string,
  changes: readonly NoteChange[],
  deps: OrganizationSendDeps,
  out: SendCollector,
): Promise<void> {
  const { context } = deps;
  const retry = (list: readonly NoteChange[], cause: Cause) => {
    const outcome: DeliveryOutcome = { kind: "retry", code: cause.code, message: cause.message };
    if (cause.notBefore) outcome.notBefore = cause.notBefore;
    for (const c of list) out.outcomes.set(c.deliveryId, outcome);
  };
  const backOff = (until: Date, reason: string) => {
    if (!out.backoff || out.backoff.until < until) out.backoff = { until, reason };
  };
  const configBackoff = () => new Date(context.now().getTime() + CONFIG_BACKOFF_MS);

  const found = await loadLinkedinCredentials(deps.db, organizationId, deps.settings);
  if (!found.ok) {
    // Not `failed`: the notes are kept and go out once the organization is configured (decision 0052).
    retry(changes, { code: found.code, message: found.message });
    backOff(configBackoff(), found.message);
    return;
  }
  const credentials = found.credentials;
  let stop: Cause | null = null;
  let transientFailures = 0;

  /** Nothing more of this organization goes out in this send; returns what its unsent changes say. */
  const stopOrganization = (cause: Cause, holdUntil?: Date): Cause => {
    stop ??= { ...cause, message: `Not sent: ${cause.message}` };
    if (holdUntil) backOff(holdUntil, cause.message);
    return stop;
  };

  function logRequest(
    request: PlannedRequest,
    requestId: string,
    wire: { method: string; path: string; body: string | null },
    answer: { status: number | null; body: string | null; durationMs: number },
    errorCodes: string[],
    token: string,
  ) {
    const secrets = [token, credentials.clientSecret];
    const requestText = `${wire.method} ${wire.path}${wire.body === null ? "" : `\n${wire.body}`}`;
    out.requests.push({
      requestId,
      deliveryIds: request.changes.map((c) => c.deliveryId),
      httpStatus: answer.status,
      durationMs: Math.round(answer.durationMs),
      errorCodes,
      requestBody: redactLinkedinSecrets(requestText, secrets),
      responseBody: answer.body === null ? null : redactLinkedinSecrets(answer.body.slice(0, MAX_LOGGED_BODY), secrets),
    });
  }

  function settleEntities(request: PlannedRequest, entities: Map<string, EntityVerdict>): Cause | null {
    let held: Cause | null = null;
    for (const change of request.changes) {
      const verdict = entities.get(change.payload.noteId) ?? {
        kind: "retry" as const,
        code: "LINKEDIN_ENTITY_MISSING",
        message: `LinkedIn's answer did not mention note ${change.payload.noteId}`,
      };
      out.outcomes.set(change.deliveryId, verdict);
      if (verdict.kind === "retry") held ??= verdict;
    }
    return held;
  }

  /** Sends one planned request; returns the cause that must hold the application's later changes, if any. */
  async function send(request: PlannedRequest, afterUnauthorized = false): Promise<Cause | null> {
    let token: string;
    try {
      token = await deps.tokens.get(credentials, context.now());
    } catch (error) {
      const rejected = error instanceof LinkedinTokenError && error.kind === "rejected";
      const cause = {
        code: rejected ? "LINKEDIN_CREDENTIALS_REJECTED" : "LINKEDIN_TOKEN_UNAVAILABLE",
        message: error instanceof Error ? error.message : String(error),
      };
      retry(request.changes, cause);
      stopOrganization(cause, rejected ? configBackoff() : undefined);
      return cause;
    }

    const grant = await reserveLinkedinRequest(deps.db, {
      clientId: credentials.clientId,
      records: request.changes.length,
      now: context.now(),
      limits: deps.limits,
    });
    if (!grant.granted) {
      const cause = { code: grant.code, message: grant.message, notBefore: grant.notBefore };
      retry(request.changes, cause);
      stopOrganization(cause, grant.notBefore);
      return cause;
    }

    const target = {
      atsJobApplicationId: request.atsJobApplicationId,
      integrationContext: credentials.integrationContext,
      noteIds: request.changes.map((c) => c.payload.noteId),
    };
    const method = request.operation === "upsert" ? "PUT" : "DELETE";
    const body =
      request.operation === "upsert"
        ? batchUpdateBody(
            request.changes.map((c) => [c.payload.noteId, c.payload.operation === "upsert" ? c.payload.entity : {}]),
          )
        : null;
    const requestId = randomUUID();
    const wire = { method, path: notesPathAndQuery(target), body };
    const result = await sendNotesRequest({
      method,
      url: notesUrl(deps.settings.apiUrl, target),
      token,
      body,
      requestId,
      timeoutMs: deps.requestTimeoutMs,
      signal: context.signal,
    });

    if (result.kind === "no-answer") {
      logRequest(
        request,
        requestId,
        wire,
        { status: null, body: null, durationMs: result.durationMs },
        [result.code],
        token,
      );
      const cause = { code: result.code, message: result.message };
      retry(request.changes, cause);
      transientFailures += 1;
      if (result.code === "LINKEDIN_ABORTED" || transientFailures >= MAX_TRANSIENT_FAILURES) stopOrganization(cause);
      return cause;
    }

    const verdict = classifyNotesResponse({
      operation: request.operation,
      status: result.status,
      body: result.body,
      retryAfter: result.retryAfter,
      noteIds: target.noteIds,
      now: context.now(),
    });
    const codes = verdict.kind === "answered" ? entityErrorCodes(verdict.entities) : [verdict.code];
    logRequest(request, requestId, wire, result, codes, token);

    switch (verdict.kind) {
      case "answered":
        return settleEntities(request, verdict.entities);
      case "unauthorized":
        if (!afterUnauthorized) {
          // Expired or revoked: forget the token, fetch a new one, and try this request once more.
          await deps.tokens.invalidate(credentials, token);
          return send(request, true);
        }
        retry(request.changes, verdict);
        stopOrganization(verdict, configBackoff());
        return verdict;
      case "rate-limited":
        retry(request.changes, verdict);
        stopOrganization(verdict, verdict.notBefore);
        return verdict;
      case "forbidden":
        retry(request.changes, verdict);
        stopOrganization(verdict, configBackoff());
        return verdict;
      case "retry":
        retry(request.changes, verdict);
        transientFailures += 1;
        if (transientFailures >= MAX_TRANSIENT_FAILURES) stopOrganization(verdict);
        return verdict;
      case "failed":
        for (const c of request.changes)
          out.outcomes.set(c.deliveryId, { kind: "failed", code: verdict.code, message: verdict.message });
        return null;
      case "rejected": {
        if (request.changes.length === 1) {
          const [only] = request.changes;
          out.outcomes.set(only!.deliveryId, { kind: "failed", code: verdict.code, message: verdict.message });
          return null;
        }
        // The whole batch was refused: send its changes one by one, in order, so only the culprit fails.
        let held: Cause | null = null;
        for (const change of request.changes) {
          const blocker = stop ?? held;
          if (blocker) {
            retry([change], blocker === held ? holdCause(request, held) : blocker);
            continue;
          }
          held = await send({ ...request, changes: [change] });
        }
        return held;
      }
    }
  }

  const holdCause = (request: PlannedRequest, cause: Cause): Cause => ({
    code: ORDER_HELD,
    message: `Waits for an earlier note change of application ${request.atsJobApplicationId} to reach LinkedIn (${cause.code}).`,
    ...(cause.notBefore ? { notBefore: cause.notBefore } : {}),
  });

  const plans = planNoteRequests(changes);
  let nextPlan = 0;
  async function lane(): Promise<void> {
    for (let plan = plans[nextPlan++]; plan; plan = plans[nextPlan++]) {
      let held: Cause | null = null;
      for (const request of plan.requests) {
        if (stop) {
          retry(request.changes, stop);
        } else if (held) {
          retry(request.changes, holdCause(request, held));
        } else if (context.signal.aborted) {
          retry(request.changes, stopOrganization({ code: "LINKEDIN_ABORTED", message: "the send was stopped." }));
        } else if (Date.now() + deps.requestTimeoutMs > deps.startBy) {
          const cause = { code: SEND_BUDGET, message: "no time was left in this attempt; it will be retried." };
          retry(request.changes, stopOrganization(cause));
        } else {
          held = await send(request);
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.concurrency, plans.length)) }, lane));
}

/** "LINKEDIN_ENTITY_400:N2" for every entity that was not delivered, in the request's order. */
function entityErrorCodes(entities: Map<string, EntityVerdict>): string[] {
  const codes: string[] = [];
  for (const [noteId, verdict] of entities) if (verdict.kind !== "delivered") codes.push(`${verdict.code}:${noteId}`);
  return codes;
}
