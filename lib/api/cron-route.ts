// Routes a scheduler or a test harness calls with `Authorization: Bearer <CRON_SECRET>` (the cron drain,
// the e2e test hooks): one pipeline for their auth, validation and errors, as v1Write is for the ATS.
// A route that is switched off answers 404 before anything else, as if it did not exist.
import "server-only";
import type { z } from "zod";
import { env } from "../env";
import { authorizeCron } from "./authorize-cron";
import { errorResponse } from "./error-response";
import { readJsonBody } from "./read-json-body";
import { parseOrThrow } from "./v1-route";

export function withCron<TQuery, TBody, TResult>(spec: {
  /** false: the route does not exist on this server (404) */
  enabled?: () => boolean;
  query: z.ZodType<TQuery>;
  body?: z.ZodType<TBody>;
  handle(input: { query: TQuery; body: TBody }): Promise<TResult>;
}) {
  return async (request: Request): Promise<Response> => {
    if (spec.enabled && !spec.enabled()) return new Response("Not found", { status: 404 });
    try {
      const denied = authorizeCron(request.headers.get("authorization"), env().CRON_SECRET);
      if (denied) throw denied;
      const query = parseOrThrow(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query");
      const body = spec.body
        ? parseOrThrow(spec.body, (await readJsonBody(request)).value, "body")
        : (undefined as TBody);
      return Response.json(await spec.handle({ query, body }), { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
