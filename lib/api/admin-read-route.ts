// The admin pages' reads (what their React Query polling fetches, and the CSV export): the same pipeline
// as the v1 reads, with the session's admin in place of an API key. Anonymous → 401, a hirer → 403, a bad
// query → 400 naming the parameter; answers are never cached (they are live views).
import "server-only";
import type { z } from "zod";
import { authorizeAdmin, type TAdminUser } from "../auth/guards";
import { scopeFor, type TAllOrganizationsScope } from "../data/scope";
import { errorResponse } from "./error-response";
import { parseOrThrow } from "./v1-route";

type RouteContext = { params: Promise<Record<string, string | string[]> | undefined> };

type AdminContext<TParams, TQuery> = {
  admin: TAdminUser;
  scope: TAllOrganizationsScope;
  params: TParams;
  query: TQuery;
};

/** An admin route that shapes its own Response (e.g. a streamed file); errors before it returns are JSON. */
export function adminRoute<TParams, TQuery>(spec: {
  params: z.ZodType<TParams>;
  query: z.ZodType<TQuery>;
  respond(context: AdminContext<TParams, TQuery>): Promise<Response>;
}) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const admin = await authorizeAdmin();
      const params = parseOrThrow(spec.params, (await context.params) ?? {}, "path");
      const query = parseOrThrow(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query");
      return await spec.respond({ admin, scope: scopeFor(admin), params, query });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** An admin JSON read. */
export function adminRead<TParams, TQuery, TResult>(spec: {
  params: z.ZodType<TParams>;
  query: z.ZodType<TQuery>;
  read(context: AdminContext<TParams, TQuery>): Promise<TResult>;
}) {
  return adminRoute({
    params: spec.params,
    query: spec.query,
    respond: async (context) => Response.json(await spec.read(context), { headers: { "cache-control": "no-store" } }),
  });
}
