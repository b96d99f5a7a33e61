// POST /api/v1/portal/sessions — a single-use link that opens the hirer portal for one ATS user
// DELETE /api/v1/portal/sessions?userId= — end that user's portal sessions and unused links
import { z } from "zod";
import { v1Write } from "@/lib/api/v1-route";
import { env } from "@/lib/env";
import { apiPublicOrigin } from "@/lib/http/api-public-origin";
import { createPortalSession } from "@/lib/portal/create-portal-session";
import { endPortalSessions } from "@/lib/portal/end-portal-sessions";
import { ZEndPortalSessionsQuery, ZPortalSessionInput } from "@/lib/portal/portal-input";
import { portalKey } from "@/lib/portal/portal-key";
import { linkToken } from "@/lib/portal/portal-tokens";

const ZCreated = z.object({ url: z.url(), expiresAt: z.string() });
const ZStored = z.object({ sessionId: z.string(), expiresAt: z.string() });

/** The link for a session, rebuilt from its id on a replay: the token itself is never stored. */
function linkFor(request: Request, stored: z.infer<typeof ZStored>) {
  const url = `${apiPublicOrigin(env(), request)}/portal/enter/${linkToken(portalKey(), stored.sessionId)}`;
  return { url, expiresAt: stored.expiresAt };
}

export const POST = v1Write({
  params: z.object({}),
  query: z.object({}).strict(),
  body: ZPortalSessionInput,
  doc: {
    summary: "Open the embedded hirer portal for one ATS user: a single-use link",
    status: 201,
    response: ZCreated,
  },
  write: async ({ tx, scope, body, now }) => {
    portalKey(); // refuse before writing when the server cannot sign links
    const created = await createPortalSession(tx, scope, body, now);
    return { sessionId: created.sessionId, expiresAt: created.linkExpiresAt.toISOString() };
  },
  respond: (stored, request) => ({ status: 201, body: linkFor(request, stored), replayBody: stored }),
  replay: (stored, request) => linkFor(request, ZStored.parse(stored)),
});

export const DELETE = v1Write({
  params: z.object({}),
  query: ZEndPortalSessionsQuery,
  body: z.object({}).strict(),
  doc: { summary: "End one ATS user's portal sessions", status: 200, response: z.object({ ended: z.number().int() }) },
  write: ({ tx, scope, query, now }) => endPortalSessions(tx, scope, query.userId, now),
  respond: (result) => ({ status: 200, body: result }),
});
