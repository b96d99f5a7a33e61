// The admin pages' JSON reads (what their React Query polling fetches): the same pipeline as the v1
// reads, with the session's admin in place of an API key. Anonymous → 401, a hirer → 403, a bad query
// → 400 naming the parameter; answers are never cached (they are live views).
import "server-only";
import type { z } from "zod";
import { authorizeAdmin, type TAdminUser } from "../auth/guards";
import { scopeFor, type TAllOrganizationsScope } from "../data/scope";
import { errorResponse } from "./error-response";
import { parseOrThrow } from "./v1-route";

type RouteContext = { params: Promise<Record<string, string | string[]> | undefined> };

export function adminRead<TParams, TQuery, TResult>(spec: {
  params: z.ZodType<TParams>;
  query: z.ZodType<TQuery>;
  read(context: { admin: TAdminUser; scope: TAllOrganizationsScope; params: TParams; query: TQuery }): Promise<TResult>;
}) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const admin = await authorizeAdmin();
      const params = parseOrThrow(spec.params, (await context.params) ?? {}, "path");
      const query = parseOrThrow(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query");
      const result = await spec.read({ admin, scope: scopeFor(admin), params, query });
      return Response.json(result, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
