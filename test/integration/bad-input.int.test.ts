// Malformed or hostile requests get the exact status and code, with a message, and write nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as completeApplication } from "@/app/api/v1/applications/[applicationId]/complete/route";
import { PUT as putApplication } from "@/app/api/v1/applications/[applicationId]/route";
import { POST as applicationStatus } from "@/app/api/v1/applications/[applicationId]/status/route";
import { GET as getDelivery } from "@/app/api/v1/deliveries/[deliveryId]/route";
import { GET as listDeliveries } from "@/app/api/v1/deliveries/route";
import { PUT as putPipeline } from "@/app/api/v1/pipelines/[pipelineKey]/route";
import { PUT as putPosition } from "@/app/api/v1/positions/[positionId]/route";
import { POST as positionStatus } from "@/app/api/v1/positions/[positionId]/status/route";
import { generateApiKey, hashApiKey } from "@/lib/api-keys/key-format";
import {
  type ApiHarness,
  type CallOptions,
  call,
  openApiHarness,
  seedPipeline,
  tableCounts,
} from "../support/api-harness";
import { flatPositionPipeline, twoLevelApplicationPipeline } from "../support/fixtures";
import { databasesUnderTest } from "../support/test-databases";

const REVOKED_KEY = generateApiKey();
const position = {
  title: "Barista",
  applicationPipeline: "std",
  seekPositionProfileIds: ["p1"],
  applyUrl: "https://ats.example.com/apply",
};
const application = { positionId: "P1", candidate: { given: "Terry", family: "Astley" }, seekToken: "tok" };

type Case = { name: string; handler: any; request: CallOptions; status: number; code: string };

const pos = (body: unknown, extra: Partial<CallOptions> = {}): CallOptions => ({
  method: "PUT",
  path: "/api/v1/positions/PX",
  params: { positionId: "PX" },
  body,
  ...extra,
});
const app = (body: unknown, extra: Partial<CallOptions> = {}): CallOptions => ({
  method: "PUT",
  path: "/api/v1/applications/AX",
  params: { applicationId: "AX" },
  body,
  ...extra,
});
const move = (body: unknown, id = "A1", extra: Partial<CallOptions> = {}): CallOptions => ({
  path: `/api/v1/applications/${id}/status`,
  params: { applicationId: id },
  body,
  ...extra,
});

const pipe = (body: unknown, key = "std"): CallOptions => ({
  method: "PUT",
  path: `/api/v1/pipelines/${key}`,
  params: { pipelineKey: key },
  body,
});
const flat = { name: "P", kind: "application", statuses: [{ key: "a", label: "A", success: null }] };

const cases: Case[] = [
  // Pipelines
  {
    name: "pipeline of an unknown kind",
    handler: putPipeline,
    request: pipe({ ...flat, kind: "candidate" }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "pipeline with phases but a status without one",
    handler: putPipeline,
    request: pipe({ ...flat, phases: [{ key: "p", label: "P" }] }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "pipeline with duplicate status keys",
    handler: putPipeline,
    request: pipe({ ...flat, statuses: [flat.statuses[0], flat.statuses[0]] }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "pipeline with success as a string",
    handler: putPipeline,
    request: pipe({ ...flat, statuses: [{ key: "a", label: "A", success: "yes" }] }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "pipeline changing kind",
    handler: putPipeline,
    request: pipe({ ...flat, kind: "position" }),
    status: 422,
    code: "UNPROCESSABLE",
  },
  {
    name: "pipeline key with a slash-like character",
    handler: putPipeline,
    request: pipe(flat, "bad key!"),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  // Authentication
  {
    name: "no Authorization header",
    handler: putPosition,
    request: pos(position, { key: null }),
    status: 401,
    code: "UNAUTHENTICATED",
  },
  {
    name: "a key nobody issued",
    handler: putPosition,
    request: pos(position, { key: "sh_not_a_real_key_at_all_0000000000" }),
    status: 401,
    code: "UNAUTHENTICATED",
  },
  {
    name: "a revoked key",
    handler: applicationStatus,
    request: move({ status: "new" }, "A1", { key: REVOKED_KEY }),
    status: 401,
    code: "UNAUTHENTICATED",
  },
  {
    name: "Basic instead of Bearer",
    handler: putPosition,
    request: pos(position, { key: null, headers: { authorization: "Basic dXNlcjpwYXNz" } }),
    status: 401,
    code: "UNAUTHENTICATED",
  },
  // Body framing
  {
    name: "malformed JSON",
    handler: putPosition,
    request: pos(undefined, { rawBody: '{"title": "Barista",' }),
    status: 400,
    code: "INVALID_JSON",
  },
  {
    name: "text/plain body",
    handler: putPosition,
    request: pos(undefined, { rawBody: "title=x", headers: { "content-type": "text/plain" } }),
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "a body over 256 KiB",
    handler: putPosition,
    request: pos({ ...position, title: "x".repeat(300_000) }),
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  {
    name: "a JSON array instead of an object",
    handler: putPosition,
    request: pos([position]),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  { name: "JSON null", handler: putApplication, request: app(null), status: 400, code: "VALIDATION_FAILED" },
  // Positions
  {
    name: "position title is a number",
    handler: putPosition,
    request: pos({ ...position, title: 42 }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "position without applyUrl",
    handler: putPosition,
    request: pos({ title: "Barista" }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "javascript: applyUrl",
    handler: putPosition,
    request: pos({ ...position, applyUrl: "javascript:alert(1)" }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "ftp applyUrl",
    handler: putPosition,
    request: pos({ ...position, applyUrl: "ftp://ats.example.com/x" }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "unknown field on a position",
    handler: putPosition,
    request: pos({ ...position, hirerId: "h" }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "profile ids as a string",
    handler: putPosition,
    request: pos({ ...position, seekPositionProfileIds: "p1" }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "unknown application pipeline",
    handler: putPosition,
    request: pos({ ...position, applicationPipeline: "nope" }),
    status: 422,
    code: "UNPROCESSABLE",
  },
  {
    name: "a position pipeline given as the application pipeline",
    handler: putPosition,
    request: pos({ ...position, applicationPipeline: "pos" }),
    status: 422,
    code: "UNPROCESSABLE",
  },
  {
    name: "a position id with a space",
    handler: putPosition,
    request: pos(position, { params: { positionId: "P X" } }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "a 300-character position id",
    handler: putPosition,
    request: pos(position, { params: { positionId: "P".repeat(300) } }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "empty title after trimming",
    handler: putPosition,
    request: pos({ ...position, title: "   " }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  // Applications
  {
    name: "application without candidate",
    handler: putApplication,
    request: app({ positionId: "P1" }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "empty given name",
    handler: putApplication,
    request: app({ ...application, candidate: { given: "", family: "A" } }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "invalid email",
    handler: putApplication,
    request: app({ ...application, candidate: { given: "T", family: "A", email: "not-an-email" } }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "unknown position",
    handler: putApplication,
    request: app({ ...application, positionId: "NOPE" }),
    status: 422,
    code: "UNPROCESSABLE",
  },
  {
    name: "unknown capture id",
    handler: putApplication,
    request: app({ positionId: "P1", candidate: application.candidate, captureId: "cap_guess" }),
    status: 422,
    code: "UNPROCESSABLE",
  },
  {
    name: "both captureId and seekToken",
    handler: putApplication,
    request: app({ ...application, captureId: "cap_x" }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "a 5,000-character seek token",
    handler: putApplication,
    request: app({ ...application, seekToken: "t".repeat(5000) }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "seek token as an object",
    handler: putApplication,
    request: app({ ...application, seekToken: { $ne: null } }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "moving an application to another position",
    handler: putApplication,
    request: app(
      { ...application, positionId: "P2" },
      { path: "/api/v1/applications/A1", params: { applicationId: "A1" } },
    ),
    status: 409,
    code: "CONFLICT",
  },
  // Status changes
  {
    name: "status change of an unknown application",
    handler: applicationStatus,
    request: move({ status: "new" }, "GHOST"),
    status: 404,
    code: "NOT_FOUND",
  },
  {
    name: "unknown status key",
    handler: applicationStatus,
    request: move({ status: "teleported" }),
    status: 422,
    code: "UNPROCESSABLE",
  },
  {
    name: "a <script> status key",
    handler: applicationStatus,
    request: move({ status: "<script>alert(1)</script>" }),
    status: 422,
    code: "UNPROCESSABLE",
  },
  {
    name: "a unicode status key not in the pipeline",
    handler: applicationStatus,
    request: move({ status: "面接 🎉" }),
    status: 422,
    code: "UNPROCESSABLE",
  },
  { name: "status missing", handler: applicationStatus, request: move({}), status: 400, code: "VALIDATION_FAILED" },
  {
    name: "status is a number",
    handler: applicationStatus,
    request: move({ status: 3 }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "occurredAt is not a date",
    handler: applicationStatus,
    request: move({ status: "new", occurredAt: "yesterday" }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "occurredAt without an offset",
    handler: applicationStatus,
    request: move({ status: "new", occurredAt: "2026-01-01T09:00:00" }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "occurredAt as epoch milliseconds",
    handler: applicationStatus,
    request: move({ status: "new", occurredAt: 1767258000000 }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "unknown field on a status change",
    handler: applicationStatus,
    request: move({ status: "new", token: "x" }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "an Idempotency-Key over 255 characters",
    handler: applicationStatus,
    request: move({ status: "new" }, "A1", { headers: { "idempotency-key": "k".repeat(256) } }),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "a replayed Idempotency-Key with another body",
    handler: applicationStatus,
    request: move({ status: "new", occurredAt: "2026-01-01T00:00:00Z" }, "A1", {
      headers: { "idempotency-key": "used-once" },
    }),
    status: 422,
    code: "IDEMPOTENCY_KEY_REUSED",
  },
  // Complete
  {
    name: "complete an unknown application",
    handler: completeApplication,
    request: { path: "/api/v1/applications/GHOST/complete", params: { applicationId: "GHOST" }, body: {} },
    status: 404,
    code: "NOT_FOUND",
  },
  {
    name: "complete an application without a token",
    handler: completeApplication,
    request: { path: "/api/v1/applications/NOTOKEN/complete", params: { applicationId: "NOTOKEN" }, body: {} },
    status: 422,
    code: "UNPROCESSABLE",
  },
  {
    name: "complete with a bad occurredAt",
    handler: completeApplication,
    request: {
      path: "/api/v1/applications/A1/complete",
      params: { applicationId: "A1" },
      body: { occurredAt: "2026-13-45T99:00:00Z" },
    },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  // Position status
  {
    name: "status of an unknown position",
    handler: positionStatus,
    request: { path: "/api/v1/positions/GHOST/status", params: { positionId: "GHOST" }, body: { status: "open" } },
    status: 404,
    code: "NOT_FOUND",
  },
  {
    name: "status of a position without a position pipeline",
    handler: positionStatus,
    request: { path: "/api/v1/positions/P1/status", params: { positionId: "P1" }, body: { status: "open" } },
    status: 422,
    code: "UNPROCESSABLE",
  },
  // Reads
  {
    name: "deliveries filtered by an unknown state",
    handler: listDeliveries,
    request: { method: "GET", path: "/api/v1/deliveries?state=lost" },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "deliveries with a forged cursor",
    handler: listDeliveries,
    request: { method: "GET", path: "/api/v1/deliveries?cursor=1%20OR%201=1" },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "deliveries with limit 10000",
    handler: listDeliveries,
    request: { method: "GET", path: "/api/v1/deliveries?limit=10000" },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "an unknown delivery id",
    handler: getDelivery,
    request: { method: "GET", path: "/api/v1/deliveries/nope", params: { deliveryId: "nope" } },
    status: 404,
    code: "NOT_FOUND",
  },
];

describe.each(databasesUnderTest())("bad input on %s", (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness(kind);
    await seedPipeline(h.prisma, h.organizationId, "std", twoLevelApplicationPipeline);
    await seedPipeline(h.prisma, h.organizationId, "pos", flatPositionPipeline);
    await h.prisma.apiKey.create({
      data: {
        organizationId: h.organizationId,
        name: "old",
        prefix: REVOKED_KEY.slice(0, 10),
        hash: hashApiKey(REVOKED_KEY),
        revokedAt: new Date(),
      },
    });
    for (const id of ["P1", "P2"]) {
      expect(
        (await call(putPosition, pos(position, { path: `/api/v1/positions/${id}`, params: { positionId: id } })))
          .status,
      ).toBe(202);
    }
    expect(
      (
        await call(
          putApplication,
          app(application, { path: "/api/v1/applications/A1", params: { applicationId: "A1" } }),
        )
      ).status,
    ).toBe(202);
    const noToken = app(
      { positionId: "P1", candidate: application.candidate },
      { path: "/api/v1/applications/NOTOKEN", params: { applicationId: "NOTOKEN" } },
    );
    expect((await call(putApplication, noToken)).status).toBe(202);
    expect(
      (await call(applicationStatus, move({ status: "new" }, "A1", { headers: { "idempotency-key": "used-once" } })))
        .status,
    ).toBe(202);
  });
  afterAll(async () => h?.close());

  it("has at least 40 cases", () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases)("$name → $status $code, nothing written", async ({ handler, request, status, code }) => {
    const before = await tableCounts(h.prisma);
    const response = await call(handler, request);
    expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status, code });
    expect(response.body.error.message).toEqual(expect.any(String));
    expect(response.body.error.message.length).toBeGreaterThan(10);
    expect(await tableCounts(h.prisma)).toEqual(before);
  });

  it("a valid request still works after all of the above (nothing was corrupted)", async () => {
    const response = await call(applicationStatus, move({ status: "shortlist" }));
    expect(response.status).toBe(202);
    expect(response.body.deliveries).toHaveLength(1);
  });
});
