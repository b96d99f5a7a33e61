// The steps of sending one organization's planned note requests. The state the steps share is the
// organization's, and it is explicit here: once anything stops the organization (throttle, refused
// credentials, 429, repeated 5xx), every later request of it is retried unsent with the same cause.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { SendContext } from "../delivery/channel";
import type { LinkedinAccessTokens } from "./access-token";
import { buildNotesRequest, type NotesWireRequest } from "./build-notes-request";
import { classifyNotesResponse, type NotesResponseVerdict } from "./classify-notes-response";
import type { LinkedinCredentials } from "./credentials";
import { LinkedinTokenError } from "./fetch-access-token";
import type { LinkedinSettings } from "./linkedin-settings";
import { entityErrorCodes, notesRequestLog } from "./notes-request-log";
import type { PlannedRequest } from "./plan-note-requests";
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
export const CONFIG_BACKOFF_MS = 5 * 60_000;
/** After this many 5xx or unanswered requests in one send, the rest waits for the next attempt. */
const MAX_TRANSIENT_FAILURES = 2;

export const ORDER_HELD = "LINKEDIN_ORDER_HELD";
export const SEND_BUDGET = "LINKEDIN_SEND_BUDGET";

/** What a sent request leaves for the application's later changes: nothing, or the cause that holds them. */
type Held = RetryCause | null;
type Answer = { status: number | null; body: string | null; durationMs: number };

const holdCause = (request: PlannedRequest, cause: RetryCause): RetryCause => ({
  code: ORDER_HELD,
  message: `Waits for an earlier note change of application ${request.atsJobApplicationId} to reach LinkedIn (${cause.code}).`,
  ...(cause.notBefore ? { notBefore: cause.notBefore } : {}),
});

export class OrganizationSend {
  private stopped: RetryCause | null = null;
  private transientFailures = 0;
  private readonly context: SendContext;

  constructor(
    private readonly credentials: LinkedinCredentials,
    private readonly deps: OrganizationSendDeps,
    private readonly out: SendCollector,
  ) {
    this.context = deps.context;
  }

  /** One application's requests, one after another; a retried one holds the rest (never reordered). */
  async inOrder(requests: PlannedRequest[]): Promise<Held> {
    let held: Held = null;
    for (const request of requests) {
      if (this.stopped) this.out.retry(request.changes, this.stopped);
      else if (held) this.out.retry(request.changes, holdCause(request, held));
      else if (this.context.signal.aborted) {
        this.out.retry(request.changes, this.stop({ code: "LINKEDIN_ABORTED", message: "the send was stopped." }));
      } else if (Date.now() + this.deps.requestTimeoutMs > this.deps.startBy) {
        const cause = { code: SEND_BUDGET, message: "no time was left in this attempt; it will be retried." };
        this.out.retry(request.changes, this.stop(cause));
      } else held = await this.send(request);
    }
    return held;
  }

  /** Sends one planned request: token, throttle, the HTTP call, then what LinkedIn's answer means. */
  private async send(request: PlannedRequest, afterUnauthorized = false): Promise<Held> {
    const token = await this.accessToken(request);
    if (typeof token !== "string") return token;
    const throttled = await this.reserve(request);
    if (throttled) return throttled;

    const wire = buildNotesRequest(this.deps.settings.apiUrl, this.credentials.integrationContext, request);
    const requestId = randomUUID();
    const result = await sendNotesRequest({
      ...wire,
      token,
      requestId,
      timeoutMs: this.deps.requestTimeoutMs,
      signal: this.context.signal,
    });
    const log = (answer: Answer, errorCodes: string[]) => this.log(request, wire, requestId, token, answer, errorCodes);

    if (result.kind === "no-answer") {
      log({ status: null, body: null, durationMs: result.durationMs }, [result.code]);
      this.transientFailures += 1;
      const stops = result.code === "LINKEDIN_ABORTED" || this.transientFailures >= MAX_TRANSIENT_FAILURES;
      return this.retry(request, result, stops);
    }
    const verdict = classifyNotesResponse({
      ...result,
      operation: request.operation,
      noteIds: wire.noteIds,
      now: this.context.now(),
    });
    log(result, verdict.kind === "answered" ? entityErrorCodes(verdict.entities) : [verdict.code]);
    return this.settle(request, verdict, token, afterUnauthorized);
  }

  /** The organization's access token, or the cause that stops the organization without one. */
  private async accessToken(request: PlannedRequest): Promise<string | RetryCause> {
    try {
      return await this.deps.tokens.get(this.credentials, this.context.now());
    } catch (error) {
      const rejected = error instanceof LinkedinTokenError && error.kind === "rejected";
      const code = rejected ? "LINKEDIN_CREDENTIALS_REJECTED" : "LINKEDIN_TOKEN_UNAVAILABLE";
      const message = error instanceof Error ? error.message : String(error);
      return this.retry(request, { code, message }, true, rejected ? this.configBackoff() : undefined);
    }
  }

  /** Reserves the request's records in LinkedIn's limits; a full window stops the organization until it opens. */
  private async reserve(request: PlannedRequest): Promise<Held> {
    const grant = await reserveLinkedinRequest(this.deps.db, {
      clientId: this.credentials.clientId,
      records: request.changes.length,
      now: this.context.now(),
      limits: this.deps.limits,
    });
    if (grant.granted) return null;
    const cause = { code: grant.code, message: grant.message, notBefore: grant.notBefore };
    return this.retry(request, cause, true, grant.notBefore);
  }

  /** Turns LinkedIn's answer into outcomes for the request's changes. */
  private async settle(
    request: PlannedRequest,
    verdict: NotesResponseVerdict,
    token: string,
    afterUnauthorized: boolean,
  ): Promise<Held> {
    switch (verdict.kind) {
      case "answered": {
        let held: Held = null;
        for (const change of request.changes) {
          const entity = verdict.entities.get(change.payload.noteId)!;
          this.out.settle(change.deliveryId, entity);
          if (entity.kind === "retry") held ??= entity;
        }
        return held;
      }
      case "unauthorized":
        if (!afterUnauthorized) {
          // Expired or revoked: forget the token, fetch a new one, and try this request once more.
          await this.deps.tokens.invalidate(this.credentials, token);
          return this.send(request, true);
        }
        return this.retry(request, verdict, true, this.configBackoff());
      case "rate-limited":
        return this.retry(request, verdict, true, verdict.notBefore);
      case "forbidden":
        return this.retry(request, verdict, true, this.configBackoff());
      case "retry":
        this.transientFailures += 1;
        return this.retry(request, verdict, this.transientFailures >= MAX_TRANSIENT_FAILURES);
      case "failed":
        this.out.fail(request.changes, verdict.code, verdict.message);
        return null;
      case "rejected":
        if (request.changes.length === 1) {
          this.out.fail(request.changes, verdict.code, verdict.message);
          return null;
        }
        // The whole batch was refused: send its changes one by one, in order, so only the culprit fails.
        return this.inOrder(request.changes.map((change) => ({ ...request, changes: [change] })));
    }
  }

  /** The request's changes are retried; `stops` says whether the rest of the organization waits too. */
  private retry(request: PlannedRequest, cause: RetryCause, stops: boolean, holdUntil?: Date): RetryCause {
    this.out.retry(request.changes, cause);
    if (stops) this.stop(cause, holdUntil);
    return cause;
  }

  /** Nothing more of this organization goes out in this send; returns what its unsent changes say. */
  private stop(cause: RetryCause, holdUntil?: Date): RetryCause {
    this.stopped ??= { ...cause, message: `Not sent: ${cause.message}` };
    if (holdUntil) this.out.backOff(holdUntil, cause.message);
    return this.stopped;
  }

  private configBackoff(): Date {
    return new Date(this.context.now().getTime() + CONFIG_BACKOFF_MS);
  }

  private log(
    request: PlannedRequest,
    wire: NotesWireRequest,
    requestId: string,
    token: string,
    answer: Answer,
    errorCodes: string[],
  ): void {
    this.out.log(
      notesRequestLog({
        requestId,
        deliveryIds: request.changes.map((c) => c.deliveryId),
        wire,
        answer,
        errorCodes,
        secrets: [token, this.credentials.clientSecret],
      }),
    );
  }
}
