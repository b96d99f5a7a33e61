// Fuzz tier: generated hostile ids, bodies and headers for every v1 route handler, driven in-process
// against PGlite like the integration harness. Two rules hold for every request: no 5xx, and a refused
// (4xx) request leaves the database exactly as it was. FUZZ_SEED replays a run; FUZZ_RUNS scales it.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as completeApplication } from "@/app/api/v1/applications/[applicationId]/complete/route";
import { DELETE as deleteNote, PUT as putNote } from "@/app/api/v1/applications/[applicationId]/notes/[noteId]/route";
import { GET as getApplication, PUT as putApplication } from "@/app/api/v1/applications/[applicationId]/route";
import { POST as applicationStatus } from "@/app/api/v1/applications/[applicationId]/status/route";
import { GET as listApplications } from "@/app/api/v1/applications/route";
import {
  DELETE as deleteHistory,
  PUT as putHistory,
} from "@/app/api/v1/candidates/[candidateId]/history/[idempotencyId]/route";
import { PUT as putCandidate } from "@/app/api/v1/candidates/[candidateId]/route";
import { GET as getDelivery } from "@/app/api/v1/deliveries/[deliveryId]/route";
import { GET as listDeliveries } from "@/app/api/v1/deliveries/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { DELETE as revokeOrganizationKey } from "@/app/api/v1/organizations/[slug]/api-keys/[apiKeyId]/route";
import { POST as mintOrganizationKey } from "@/app/api/v1/organizations/[slug]/api-keys/route";
import { GET as getOrganization, PUT as putOrganization } from "@/app/api/v1/organizations/[slug]/route";
import { GET as listOrganizations } from "@/app/api/v1/organizations/route";
import { GET as getPipeline, PUT as putPipeline } from "@/app/api/v1/pipelines/[pipelineKey]/route";
import { GET as listPipelines } from "@/app/api/v1/pipelines/route";
import { POST as createPortalSession, DELETE as endPortalSessions } from "@/app/api/v1/portal/sessions/route";
import { PUT as putPortalSettings } from "@/app/api/v1/portal/settings/route";
import { GET as getPosition, PUT as putPosition } from "@/app/api/v1/positions/[positionId]/route";
import { POST as positionStatus } from "@/app/api/v1/positions/[positionId]/status/route";
import { GET as listPositions } from "@/app/api/v1/positions/route";
import { POST as bulkStatusChanges } from "@/app/api/v1/status-changes/route";
import { DELETE as deleteWebhook, PUT as putWebhook } from "@/app/api/v1/webhooks/[webhookId]/route";
import { GET as listWebhooks } from "@/app/api/v1/webhooks/route";
import { type ApiHarness, BOOTSTRAP_KEY, call, openApiHarness, seedPipeline } from "../support/api-harness";
import { flatPositionPipeline, twoLevelApplicationPipeline } from "../support/fixtures";
import { databaseFingerprint } from "./database-fingerprint";
import { hostileBody, hostileHeaders, hostileId, hostileQuery, percentEncode, type RawBody } from "./hostile-input";

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const PARTNER_KEY = "sh_fuzz_partner_key_0123456789abcdef";

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string> | undefined> },
) => Promise<Response>;

type Route = {
  name: string;
  handler: Handler;
  method: string;
  /** path segments; ":name" is a dynamic segment */
  segments: string[];
  /** the key the requests mostly carry: the bootstrap (organization) key unless said */
  key?: string;
  /** a valid body the mutations start from; none for GET */
  body?: Record<string, unknown>;
  /** a list whose query string (filters, cursor, limit) is fuzzed too */
  listQuery?: true;
};

const position = {
  title: "Barista",
  pipeline: "pos",
  applicationPipeline: "std",
  seekPositionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
  applyUrl: "https://ats.example.com/apply",
};

const routes: Route[] = [
  { name: "GET /deliveries", handler: listDeliveries, method: "GET", segments: ["deliveries"] },
  { name: "GET /deliveries/:id", handler: getDelivery, method: "GET", segments: ["deliveries", ":deliveryId"] },
  { name: "GET /pipelines/:key", handler: getPipeline, method: "GET", segments: ["pipelines", ":pipelineKey"] },
  {
    name: "PUT /pipelines/:key",
    handler: putPipeline,
    method: "PUT",
    segments: ["pipelines", ":pipelineKey"],
    body: { name: "Fuzz", kind: "application", statuses: [{ key: "a", label: "A", success: null }] },
  },
  {
    name: "PUT /positions/:id",
    handler: putPosition,
    method: "PUT",
    segments: ["positions", ":positionId"],
    body: position,
  },
  {
    name: "POST /positions/:id/status",
    handler: positionStatus,
    method: "POST",
    segments: ["positions", ":positionId", "status"],
    body: { status: "open" },
  },
  {
    name: "PUT /applications/:id",
    handler: putApplication,
    method: "PUT",
    segments: ["applications", ":applicationId"],
    body: { positionId: "P1", candidate: { given: "Terry", family: "Astley" }, seekToken: "tok-0123456789" },
  },
  {
    name: "POST /applications/:id/status",
    handler: applicationStatus,
    method: "POST",
    segments: ["applications", ":applicationId", "status"],
    body: { status: "shortlist" },
  },
  {
    name: "POST /applications/:id/complete",
    handler: completeApplication,
    method: "POST",
    segments: ["applications", ":applicationId", "complete"],
    body: {},
  },
  {
    name: "PUT /applications/:id/notes/:noteId",
    handler: putNote,
    method: "PUT",
    segments: ["applications", ":applicationId", "notes", ":noteId"],
    body: { note: "Great interview", author: { firstName: "Hannah", lastName: "Hirer" } },
  },
  {
    name: "DELETE /applications/:id/notes/:noteId",
    handler: deleteNote,
    method: "DELETE",
    segments: ["applications", ":applicationId", "notes", ":noteId"],
    body: {},
  },
  {
    name: "PUT /candidates/:id",
    handler: putCandidate,
    method: "PUT",
    segments: ["candidates", ":candidateId"],
    body: {
      name: { given: "Terry", family: "Astley" },
      seekCandidateProfileId: "seekAnzPublicTest:candidateProfile:1",
    },
  },
  {
    name: "PUT /candidates/:id/history/:idempotencyId",
    handler: putHistory,
    method: "PUT",
    segments: ["candidates", ":candidateId", "history", ":idempotencyId"],
    body: { action: { code: "Note", name: "Called" }, actionDate: new Date().toISOString() },
  },
  {
    name: "POST /status-changes",
    handler: bulkStatusChanges,
    method: "POST",
    segments: ["status-changes"],
    body: {
      changes: [
        { applicationId: "A1", status: "shortlist" },
        { positionId: "P1", status: "open" },
      ],
    },
  },
  {
    name: "DELETE /candidates/:id/history/:idempotencyId",
    handler: deleteHistory,
    method: "DELETE",
    segments: ["candidates", ":candidateId", "history", ":idempotencyId"],
    body: {},
  },
  // reading back (#14); appended so the setup below keeps its indices
  { name: "GET /pipelines", handler: listPipelines, method: "GET", segments: ["pipelines"], listQuery: true },
  { name: "GET /positions", handler: listPositions, method: "GET", segments: ["positions"], listQuery: true },
  { name: "GET /positions/:id", handler: getPosition, method: "GET", segments: ["positions", ":positionId"] },
  { name: "GET /applications", handler: listApplications, method: "GET", segments: ["applications"], listQuery: true },
  {
    name: "GET /applications/:id",
    handler: getApplication,
    method: "GET",
    segments: ["applications", ":applicationId"],
  },
  { name: "GET /openapi.json", handler: openapi, method: "GET", segments: ["openapi.json"] },
  // Partner routes, called with the partner key (an organization's key is refused before any parsing).
  {
    name: "GET /organizations",
    handler: listOrganizations,
    method: "GET",
    segments: ["organizations"],
    key: PARTNER_KEY,
  },
  {
    name: "GET /organizations/:slug",
    handler: getOrganization,
    method: "GET",
    segments: ["organizations", ":slug"],
    key: PARTNER_KEY,
  },
  {
    name: "PUT /organizations/:slug",
    handler: putOrganization,
    method: "PUT",
    segments: ["organizations", ":slug"],
    body: {
      name: "Fuzz",
      seekHirerId: "h1",
      linkedin: { integrationContext: "urn:li:organization:1", clientSecret: "s" },
    },
    key: PARTNER_KEY,
  },
  {
    name: "POST /organizations/:slug/api-keys",
    handler: mintOrganizationKey,
    method: "POST",
    segments: ["organizations", ":slug", "api-keys"],
    body: { name: "Fuzz key" },
    key: PARTNER_KEY,
  },
  {
    name: "DELETE /organizations/:slug/api-keys/:id",
    handler: revokeOrganizationKey,
    method: "DELETE",
    segments: ["organizations", ":slug", "api-keys", ":apiKeyId"],
    body: {},
    key: PARTNER_KEY,
  },
  // Operational webhooks: an organization's key and a partner key reach different pipelines.
  { name: "GET /webhooks", handler: listWebhooks, method: "GET", segments: ["webhooks"] },
  { name: "GET /webhooks (partner)", handler: listWebhooks, method: "GET", segments: ["webhooks"], key: PARTNER_KEY },
  {
    name: "PUT /webhooks/:id",
    handler: putWebhook,
    method: "PUT",
    segments: ["webhooks", ":webhookId"],
    body: { url: "http://127.0.0.1:9/hooks", events: ["delivery.failed", "delivery.dead"] },
  },
  {
    name: "PUT /webhooks/:id (partner)",
    handler: putWebhook,
    method: "PUT",
    segments: ["webhooks", ":webhookId"],
    body: { url: "http://127.0.0.1:9/hooks", events: ["channel.degraded"] },
    key: PARTNER_KEY,
  },
  {
    name: "DELETE /webhooks/:id",
    handler: deleteWebhook,
    method: "DELETE",
    segments: ["webhooks", ":webhookId"],
    body: {},
  },
  {
    name: "DELETE /webhooks/:id (partner)",
    handler: deleteWebhook,
    method: "DELETE",
    segments: ["webhooks", ":webhookId"],
    body: {},
    key: PARTNER_KEY,
  },
  // the embedded hirer portal (#15)
  {
    name: "PUT /portal/settings",
    handler: putPortalSettings,
    method: "PUT",
    segments: ["portal", "settings"],
    body: { allowedOrigins: ["https://ats.example.com"], accentColor: "#2557a7" },
  },
  {
    name: "POST /portal/sessions",
    handler: createPortalSession,
    method: "POST",
    segments: ["portal", "sessions"],
    body: {
      user: { id: "ats-user-17", name: "Hannah Hirer", email: "hannah@acme.example" },
      role: "hirer",
      page: "/pipelines",
      expiresInSeconds: 600,
    },
  },
  {
    name: "DELETE /portal/sessions",
    handler: endPortalSessions,
    method: "DELETE",
    segments: ["portal", "sessions"],
    listQuery: true,
  },
];

/** The request a client would send, and the params Next would hand the handler for it. */
function buildRequest(
  route: Route,
  ids: string[],
  query: string,
  body: RawBody | undefined,
  headers: Record<string, string>,
) {
  let n = 0;
  const params: Record<string, string> = {};
  const raw = route.segments.map((segment) => {
    if (!segment.startsWith(":")) return segment;
    const id = ids[n++] ?? "x";
    const encoded = percentEncode(id);
    params[segment.slice(1)] = tryDecode(encoded) ?? encoded;
    return encoded;
  });
  const url = `http://localhost/api/v1/${raw.join("/")}${query}`;
  const request = new Request(url, { method: route.method, headers, body: route.method === "GET" ? undefined : body });
  return { request, params: n === 0 ? undefined : params };
}

function tryDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

describe(`v1 routes under hostile input (replay with FUZZ_SEED=${SEED})`, () => {
  let h: ApiHarness;
  beforeAll(async () => {
    process.env.SIGNALHOUSE_PARTNER_API_KEY = PARTNER_KEY;
    // the webhook bodies point at loopback (no DNS in a test); the rules themselves are tested in lib/webhooks
    process.env.SIGNALHOUSE_WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
    h = await openApiHarness("pglite");
    await seedPipeline(h.prisma, h.organizationId, "std", twoLevelApplicationPipeline);
    await seedPipeline(h.prisma, h.organizationId, "pos", flatPositionPipeline);
    const setup: [Handler, string, Record<string, string>, unknown][] = [
      [putPosition, "/api/v1/positions/P1", { positionId: "P1" }, position],
      [putApplication, "/api/v1/applications/A1", { applicationId: "A1" }, routes[6]!.body],
      [putCandidate, "/api/v1/candidates/C1", { candidateId: "C1" }, routes[11]!.body],
      [putNote, "/api/v1/applications/A1/notes/N1", { applicationId: "A1", noteId: "N1" }, { note: "Hello" }],
    ];
    for (const [handler, path, params, body] of setup) {
      expect((await call(handler, { method: "PUT", path, params, body })).status).toBe(202);
    }
  });
  afterAll(async () => {
    delete process.env.SIGNALHOUSE_PARTNER_API_KEY;
    delete process.env.SIGNALHOUSE_WEBHOOK_ALLOW_PRIVATE_NETWORKS;
    await h?.close();
  });

  it("covers every handler of every v1 route file", async () => {
    const root = path.resolve(import.meta.dirname, "../../app/api/v1");
    const files = fs.readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("route.ts"));
    const exported = new Set<unknown>();
    for (const file of files) {
      const module = (await import(path.join(root, file))) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) if (module[method]) exported.add(module[method]);
    }
    expect(exported.size).toBeGreaterThan(0);
    expect(new Set(routes.map((r) => r.handler))).toEqual(exported);
  });

  it.each(routes)("$name: never 5xx; a refused request writes nothing", async (route) => {
    const ids = route.segments.filter((s) => s.startsWith(":")).length;
    const bodyArb = route.body ? hostileBody(route.body).map((b) => b as RawBody | undefined) : fc.constant(undefined);
    let fingerprint = await databaseFingerprint(h.prisma);
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileId(), { minLength: ids, maxLength: ids }),
        route.name === "GET /deliveries" || route.listQuery ? hostileQuery() : fc.constant(""),
        bodyArb,
        hostileHeaders(route.key ?? BOOTSTRAP_KEY),
        async (idList, query, body, headers) => {
          const { request, params } = buildRequest(route, idList, query, body, headers);
          const response = await route.handler(request, { params: Promise.resolve(params) });
          const text = await response.text();
          expect(response.status, text).toBeLessThan(500);
          const after = await databaseFingerprint(h.prisma);
          if (response.status >= 400)
            expect(after, `refused with ${response.status} but wrote: ${text}`).toBe(fingerprint);
          fingerprint = after;
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
