// The v1 API's one request pipeline: authenticate the API key, read and validate the body and path,
// honour Idempotency-Key, run the write in one transaction (a write atomic by itself, asked without a key,
// runs without one: `writeAlone`), answer 202 `{ id, deliveries }`.
// Route files only declare their schemas and call one lib function.

import type { z } from "zod";
import type { ApiPrincipal } from "../api-keys/verify-api-key";
import { scopeForApiKey, type TOrganizationScope } from "../data/scope";
import { type Db, db } from "../db/client";
import type { DbTx } from "../db/tx";
import { env } from "../env";
import { AppError } from "../errors/app-error";
import { findUnstorableText } from "../validation/find-unstorable-text";
import { toApiIssues } from "../validation/zod-issues";
import { authenticateRequest } from "./authenticate-request";
import { assertPathIsUtf8 } from "./check-path-encoding";
import { errorResponse } from "./error-response";
import {
  findReplay,
  lockIdempotencyKey,
  readIdempotencyKey,
  requestFingerprint,
  type StoredResponse,
  storeResponse,
} from "./idempotency";
import { readJsonBody } from "./read-json-body";

// Next passes no params at all to a route without dynamic segments (GET /api/v1/deliveries).
export type RouteContext = { params?: Promise<Record<string, string | string[]> | undefined> };

export async function pathParams(request: Request, context: RouteContext): Promise<Record<string, string | string[]>> {
  const params = (await context.params) ?? {};
  assertPathIsUtf8(request.url, params);
  return params;
}

export type WriteContext<TBody, TParams> = {
  tx: DbTx;
  principal: ApiPrincipal;
  /** the key's organization and actor (`apikey:<id>`): what every writer takes (docs/decisions/0010) */
  scope: TOrganizationScope;
  body: TBody;
  params: TParams;
  /** The request's clock, read once when it arrived: every rule about "now" in the write uses it. */
  now: Date;
};

/**
 * A request part validated by its schema, or VALIDATION_FAILED naming the first problem's path. Text
 * PostgreSQL cannot store is refused here, before any schema, so no route can forget it.
 */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, where: "body" | "path" | "query"): T {
  const unstorable = findUnstorableText(value);
  if (unstorable) {
    const path = `${where}.${unstorable.path}`;
    throw new AppError("VALIDATION_FAILED", `The request ${where} is not valid: ${path} ${unstorable.message}`, [
      { path, message: unstorable.message, code: "unstorable_text" },
    ]);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = toApiIssues(result.error).map((issue) => ({ ...issue, path: `${where}.${issue.path}` }));
  throw new AppError(
    "VALIDATION_FAILED",
    `The request ${where} is not valid: ${issues[0]?.path} ${issues[0]?.message}`,
    issues,
  );
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/**
 * What the OpenAPI document (lib/openapi) says about a route beyond its schemas. Every v1 handler carries
 * its spec (`handler.v1`), so the document is built from the very schemas the handler validates with.
 */
export type V1Doc = {
  summary: string;
  /** The success answer's body; a write's default is the 202 `{ id, deliveries }`. */
  response?: z.ZodType;
  /** The success status, when not 202 (writes) or 200 (reads). */
  status?: number;
  /** Served without an API key (the document itself). */
  public?: boolean;
  /** Needs a partner key; an organization's key gets 403 (the provisioning routes). */
  partner?: boolean;
  /** Takes an organization's key or a partner key (lib/api/organization-or-partner.ts). */
  eitherKey?: boolean;
  /** Also answers 201 with the same body when the request created the resource (PUT of a new one). */
  mayCreate?: boolean;
};

export type V1WriteSpec<TBody, TParams, TResult, TQuery = Record<string, never>> = {
  body: z.ZodType<TBody>;
  params: z.ZodType<TParams>;
  /** A write that takes a query string (DELETE /portal/sessions?userId=); it is part of the fingerprint. */
  query?: z.ZodType<TQuery>;
  doc?: V1Doc;
  /** A write answers `{ id, deliveries }`; a batch (POST /status-changes) answers `{ results }`. */
  write(context: WriteContext<TBody, TParams> & { query: TQuery; request: Request }): Promise<TResult>;
  /**
   * The same write without a transaction, for a request without Idempotency-Key (nothing to store beside
   * it): it must be atomic by itself, e.g. lib/status-changes/change-status-alone.ts. It saves the
   * transaction's BEGIN and COMMIT round trips (docs/decisions/0179).
   */
  writeAlone?(context: Omit<WriteContext<TBody, TParams>, "tx"> & { db: Db }): Promise<TResult>;
  /**
   * The status and body to answer; default 202 with the write's result. `replayBody`, when given, is what
   * the Idempotency-Key record keeps instead of `body` (a secret shown once is never stored), and
   * `replay` rebuilds the answer from it for a repeat (e.g. a portal link derived from its session id).
   */
  respond?(result: TResult, request: Request): StoredResponse & { replayBody?: unknown };
  replay?(stored: unknown, request: Request): unknown;
  /** Transaction time budget; a batch of many writes needs more than the default 15 s. */
  transactionTimeoutMs?: number;
};

export type V1ReadSpec<TParams, TQuery, TResult> = {
  params: z.ZodType<TParams>;
  query: z.ZodType<TQuery>;
  doc?: V1Doc;
  read(context: {
    principal: ApiPrincipal;
    scope: TOrganizationScope;
    params: TParams;
    query: TQuery;
    request: Request;
  }): Promise<TResult>;
};

export type V1Handler = ((request: Request, context: RouteContext) => Promise<Response>) & {
  v1: { kind: "write" | "read"; params: z.ZodType; body?: z.ZodType; query?: z.ZodType; doc?: V1Doc };
};

export function v1Write<
  TBody,
  TParams,
  TResult = { id: string; deliveries: unknown[] } | { results: unknown[] },
  TQuery = Record<string, never>,
>(spec: V1WriteSpec<TBody, TParams, TResult, TQuery>): V1Handler {
  const handler = async (request: Request, context: RouteContext): Promise<Response> => {
    const now = new Date();
    try {
      const prisma = db();
      const principal = await authenticateRequest(prisma, request, env().SIGNALHOUSE_BOOTSTRAP_API_KEY);
      const key = readIdempotencyKey(request);
      const params = parseOrThrow(spec.params, await pathParams(request, context), "path");
      const url = new URL(request.url);
      const query = spec.query
        ? parseOrThrow(spec.query, Object.fromEntries(url.searchParams), "query")
        : ({} as TQuery);
      const { value } = await readJsonBody(request);
      const body = parseOrThrow(spec.body, value, "body");
      const path = spec.query ? `${url.pathname}${url.search}` : url.pathname;
      // Only a request that can be replayed needs its fingerprint (canonical JSON + sha256 of the body).
      const fingerprint = key ? requestFingerprint(request.method, path, value) : "";

      const answerOf = (result: TResult): StoredResponse & { replayBody?: unknown } =>
        spec.respond ? spec.respond(result, request) : { status: 202, body: result };

      const run = () =>
        prisma.$transaction(
          async (tx): Promise<StoredResponse & { replayed: boolean }> => {
            if (key) {
              await lockIdempotencyKey(tx, principal.organizationId, key);
              const replay = await findReplay(tx, principal.organizationId, key, fingerprint);
              if (replay) {
                const answer = spec.replay ? spec.replay(replay.body, request) : replay.body;
                return { status: replay.status, body: answer, replayed: true };
              }
            }
            const scope = scopeForApiKey(principal);
            const result = await spec.write({ tx, principal, scope, body, params, query, request, now });
            const { replayBody, ...response } = answerOf(result);
            if (key)
              await storeResponse(
                tx,
                { organizationId: principal.organizationId, key, method: request.method, path, fingerprint },
                { status: response.status, body: replayBody ?? response.body },
              );
            return { ...response, replayed: false };
          },
          { timeout: spec.transactionTimeoutMs ?? 15_000, maxWait: 10_000 },
        );

      if (!key && spec.writeAlone) {
        const scope = scopeForApiKey(principal);
        const result = await spec.writeAlone({ db: prisma, principal, scope, body, params, now });
        const { status, body: answer } = answerOf(result);
        return Response.json(answer, { status });
      }
      let response: StoredResponse & { replayed: boolean };
      try {
        response = await run();
      } catch (error) {
        // The write itself met a row a concurrent request inserted first (two first PUTs of one id):
        // run once more, now that row is visible. Same-key repeats never get here (lockIdempotencyKey).
        if (!key || !isUniqueViolation(error)) throw error;
        response = await run();
      }
      return Response.json(response.body, {
        status: response.status,
        headers: response.replayed ? { "Idempotent-Replayed": "true" } : {},
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
  return Object.assign(handler, {
    v1: { kind: "write" as const, params: spec.params, query: spec.query, body: spec.body, doc: spec.doc },
  });
}

export function v1Read<TParams, TQuery, TResult>(spec: V1ReadSpec<TParams, TQuery, TResult>): V1Handler {
  const handler = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const principal = await authenticateRequest(db(), request, env().SIGNALHOUSE_BOOTSTRAP_API_KEY);
      const params = parseOrThrow(spec.params, await pathParams(request, context), "path");
      const query = parseOrThrow(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query");
      return Response.json(await spec.read({ principal, scope: scopeForApiKey(principal), params, query, request }));
    } catch (error) {
      return errorResponse(error);
    }
  };
  return Object.assign(handler, {
    v1: { kind: "read" as const, params: spec.params, query: spec.query, doc: spec.doc },
  });
}
