// The request pipeline of the partner routes (/api/v1/organizations…): the v1 pipeline's body cap, zod,
// unstorable-text check, Idempotency-Key and error shape, authenticated with a partner key instead of
// an organization's. A write chooses its status (201 created, 200 updated) and may keep less in the
// idempotency record than it answered: a minted key is never stored (docs/decisions/0141-provisioning-api.md).

import type { z } from "zod";
import { db } from "../db/client";
import type { DbTx } from "../db/tx";
import { env } from "../env";
import { type PartnerPrincipal, partnerActor } from "../partner-keys/verify-partner-key";
import { authenticatePartner } from "./authenticate-partner";
import { errorResponse } from "./error-response";
import { readIdempotencyKey, requestFingerprint, type StoredResponse } from "./idempotency";
import { findPartnerReplay, lockPartnerIdempotencyKey, storePartnerResponse } from "./partner-idempotency";
import { readJsonBody } from "./read-json-body";
import { parseOrThrow, pathParams, type RouteContext, type V1Doc, type V1Handler } from "./v1-route";

export type PartnerWriteContext<TBody, TParams> = {
  tx: DbTx;
  principal: PartnerPrincipal;
  /** "partnerkey:<id>" or "partnerkey:env": the audit log's actor */
  actor: string;
  body: TBody;
  params: TParams;
  now: Date;
};

export type PartnerWriteResult = StoredResponse & {
  /** what a replay answers instead of `body`, when `body` holds something that must not be stored */
  replayBody?: unknown;
};

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

function authenticate(request: Request): Promise<PartnerPrincipal> {
  return authenticatePartner(db(), request, {
    partnerKey: env().SIGNALHOUSE_PARTNER_API_KEY,
    bootstrapKey: env().SIGNALHOUSE_BOOTSTRAP_API_KEY,
  });
}

export function partnerWrite<TBody, TParams>(spec: {
  body: z.ZodType<TBody>;
  params: z.ZodType<TParams>;
  doc: Omit<V1Doc, "partner">;
  write(context: PartnerWriteContext<TBody, TParams>): Promise<PartnerWriteResult>;
}): V1Handler {
  const handler = async (request: Request, context: RouteContext): Promise<Response> => {
    const now = new Date();
    try {
      const principal = await authenticate(request);
      const key = readIdempotencyKey(request);
      const params = parseOrThrow(spec.params, await pathParams(request, context), "path");
      const { value } = await readJsonBody(request);
      const body = parseOrThrow(spec.body, value, "body");
      const path = new URL(request.url).pathname;
      const fingerprint = requestFingerprint(request.method, path, value);

      const run = () =>
        db().$transaction(
          async (tx): Promise<StoredResponse & { replayed: boolean }> => {
            if (key) {
              await lockPartnerIdempotencyKey(tx, key);
              const replay = await findPartnerReplay(tx, key, fingerprint);
              if (replay) return { ...replay, replayed: true };
            }
            const result = await spec.write({ tx, principal, actor: partnerActor(principal), body, params, now });
            if (key) {
              const stored = { status: result.status, body: result.replayBody ?? result.body };
              await storePartnerResponse(tx, { key, method: request.method, path, fingerprint }, stored);
            }
            return { status: result.status, body: result.body, replayed: false };
          },
          { timeout: 15_000, maxWait: 10_000 },
        );

      let response: StoredResponse & { replayed: boolean };
      try {
        response = await run();
      } catch (error) {
        // Two first PUTs of one slug: the second met the first's row; run once more, now it is visible.
        if (!isUniqueViolation(error)) throw error;
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
    v1: { kind: "write" as const, params: spec.params, body: spec.body, doc: { ...spec.doc, partner: true } },
  });
}

export function partnerRead<TParams, TQuery, TResult>(spec: {
  params: z.ZodType<TParams>;
  query: z.ZodType<TQuery>;
  doc: Omit<V1Doc, "partner">;
  read(context: { principal: PartnerPrincipal; params: TParams; query: TQuery }): Promise<TResult>;
}): V1Handler {
  const handler = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const principal = await authenticate(request);
      const params = parseOrThrow(spec.params, await pathParams(request, context), "path");
      const query = parseOrThrow(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query");
      return Response.json(await spec.read({ principal, params, query }));
    } catch (error) {
      return errorResponse(error);
    }
  };
  return Object.assign(handler, {
    v1: { kind: "read" as const, params: spec.params, query: spec.query, doc: { ...spec.doc, partner: true } },
  });
}
