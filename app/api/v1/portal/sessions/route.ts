// POST /api/v1/portal/sessions — a single-use link that opens the hirer portal for one ATS user
// DELETE /api/v1/portal/sessions?userId= — end that user's portal sessions and unused links
import { z } from "zod";
import { v1Command } from "@/lib/api/v1-command";
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

export const POST = v1Command({
  params: z.object({}),
  query: z.object({}).strict(),
  body: ZPortalSessionInput,
  status: 201,
  doc: { summary: "Open the embedded hirer portal for one ATS user: a single-use link", response: ZCreated },
  run: async ({ tx, scope, body, request, now }) => {
    portalKey(); // refuse before writing when the server cannot sign links
    const created = await createPortalSession(tx, scope, body, now);
    const stored = { sessionId: created.sessionId, expiresAt: created.linkExpiresAt.toISOString() };
    return { body: linkFor(request, stored), stored };
  },
  replay: (stored, request) => linkFor(request, ZStored.parse(stored)),
});

export const DELETE = v1Command({
  params: z.object({}),
  query: ZEndPortalSessionsQuery,
  status: 200,
  doc: { summary: "End one ATS user's portal sessions", response: z.object({ ended: z.number().int() }) },
  run: async ({ tx, scope, query, now }) => ({ body: await endPortalSessions(tx, scope, query.userId, now) }),
});
