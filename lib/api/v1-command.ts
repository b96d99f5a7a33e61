// A v1 write whose answer is not the event-and-deliveries 202 of v1Write: configuration and sessions
// (e.g. PUT /portal/settings → 200, POST /portal/sessions → 201). Same pipeline otherwise: API key, body
// cap, zod on path, query and body, Idempotency-Key in the write's own transaction, one error mapping.
import type { z } from "zod";
import type { ApiPrincipal } from "../api-keys/verify-api-key";
import { scopeForApiKey, type TOrganizationScope } from "../data/scope";
import { db } from "../db/client";
import type { DbTx } from "../db/tx";
import { env } from "../env";
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
import { parseOrThrow, type V1Doc, type V1Handler } from "./v1-route";

type RouteContext = { params?: Promise<Record<string, string | string[]> | undefined> };

export type CommandContext<TBody, TParams, TQuery> = {
  tx: DbTx;
  principal: ApiPrincipal;
  scope: TOrganizationScope;
  body: TBody;
  params: TParams;
  query: TQuery;
  request: Request;
  /** the request's clock, read once when it arrived */
  now: Date;
};

export type V1CommandSpec<TBody, TParams, TQuery> = {
  params: z.ZodType<TParams>;
  query: z.ZodType<TQuery>;
  /** omitted: the request has no body (e.g. DELETE) */
  body?: z.ZodType<TBody>;
  /** the success status; also what the OpenAPI document states */
  status: number;
  doc: V1Doc;
  /**
   * The answer to send and the one to keep for replays. A response holding a one-time secret keeps a
   * form without it (`stored`), and `replay` rebuilds the answer from that, so no secret sits in the
   * idempotency table.
   */
  run(context: CommandContext<TBody, TParams, TQuery>): Promise<{ body: unknown; stored?: unknown }>;
  replay?(stored: unknown, request: Request): unknown;
};

export function v1Command<TBody, TParams, TQuery>(spec: V1CommandSpec<TBody, TParams, TQuery>): V1Handler {
  const handler = async (request: Request, context: RouteContext): Promise<Response> => {
    const now = new Date();
    try {
      const prisma = db();
      const principal = await authenticateRequest(prisma, request, env().SIGNALHOUSE_BOOTSTRAP_API_KEY);
      const key = readIdempotencyKey(request);
      const rawParams = (await context.params) ?? {};
      assertPathIsUtf8(request.url, rawParams);
      const params = parseOrThrow(spec.params, rawParams, "path");
      const query = parseOrThrow(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query");
      const { value } = await readJsonBody(request);
      const body = spec.body ? parseOrThrow(spec.body, value, "body") : (undefined as TBody);
      const url = new URL(request.url);
      const path = `${url.pathname}${url.search}`;
      const fingerprint = requestFingerprint(request.method, path, value);
      const scope = scopeForApiKey(principal);

      const answer = await prisma.$transaction(
        async (tx): Promise<StoredResponse & { replayed: boolean }> => {
          if (key) {
            await lockIdempotencyKey(tx, principal.organizationId, key);
            const replay = await findReplay(tx, principal.organizationId, key, fingerprint);
            if (replay) {
              const replayed = spec.replay ? spec.replay(replay.body, request) : replay.body;
              return { status: replay.status, body: replayed, replayed: true };
            }
          }
          const result = await spec.run({ tx, principal, scope, body, params, query, request, now });
          if (key) {
            const record = { organizationId: principal.organizationId, key, method: request.method, path, fingerprint };
            await storeResponse(tx, record, { status: spec.status, body: result.stored ?? result.body });
          }
          return { status: spec.status, body: result.body, replayed: false };
        },
        { timeout: 15_000, maxWait: 10_000 },
      );
      return Response.json(answer.body, {
        status: answer.status,
        headers: answer.replayed ? { "Idempotent-Replayed": "true" } : {},
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
  return Object.assign(handler, {
    v1: {
      kind: "write" as const,
      params: spec.params,
      query: spec.query,
      body: spec.body,
      doc: { ...spec.doc, status: spec.status },
    },
  });
}
