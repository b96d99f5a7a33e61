// Text PostgreSQL cannot store, or a path id that is not valid UTF-8: 400 naming the field, never 500,
// nothing written (spec: Extensions, rules for every write). On every database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as putNote } from "@/app/api/v1/applications/[applicationId]/notes/[noteId]/route";
import { PUT as putApplication } from "@/app/api/v1/applications/[applicationId]/route";
import { POST as applicationStatus } from "@/app/api/v1/applications/[applicationId]/status/route";
import { PUT as putHistory } from "@/app/api/v1/candidates/[candidateId]/history/[idempotencyId]/route";
import { PUT as putCandidate } from "@/app/api/v1/candidates/[candidateId]/route";
import { GET as getDelivery } from "@/app/api/v1/deliveries/[deliveryId]/route";
import { PUT as putPipeline } from "@/app/api/v1/pipelines/[pipelineKey]/route";
import { PUT as putPosition } from "@/app/api/v1/positions/[positionId]/route";
import {
  type ApiHarness,
  type CallOptions,
  call,
  openApiHarness,
  seedPipeline,
  tableCounts,
} from "../support/api-harness";
import { twoLevelApplicationPipeline } from "../support/fixtures";
import { databasesUnderTest } from "../support/test-databases";

const position = { title: "Barista", applicationPipeline: "std", applyUrl: "https://ats.example.com/apply" };
const pos = (body: unknown, id = "PX", rawId = id): CallOptions => ({
  method: "PUT",
  path: `/api/v1/positions/${rawId}`,
  params: { positionId: id },
  body,
});

type Case = { name: string; handler: any; request: CallOptions; field: string };

const cases: Case[] = [
  {
    name: "U+0000 in a position title",
    handler: putPosition,
    request: pos({ ...position, title: "Bar\u0000ista" }),
    field: "body.title",
  },
  {
    name: "an unpaired surrogate in a position title",
    handler: putPosition,
    request: pos({ ...position, title: "Bar\uD800ista" }),
    field: "body.title",
  },
  {
    name: "a lone low surrogate in a profile id",
    handler: putPosition,
    request: pos({ ...position, seekPositionProfileIds: ["\uDC00"] }),
    field: "body.seekPositionProfileIds.0",
  },
  {
    name: "U+0000 in an unknown field's name",
    handler: putPosition,
    request: pos({ ...position, "x\u0000": 1 }),
    field: "body.x\u0000",
  },
  {
    name: "U+0000 in a path id (decoded %00)",
    handler: putPosition,
    request: pos(position, "P\u0000X", "P%00X"),
    field: "path.positionId",
  },
  {
    name: "a path id of invalid UTF-8 %C3%28, passed undecoded",
    handler: putPosition,
    request: pos(position, "%C3%28"),
    field: "path.positionId",
  },
  {
    name: "a path id of invalid UTF-8 %FF, passed leniently decoded",
    handler: putPosition,
    request: pos(position, "P\uFFFD", "P%FF"),
    field: "path.positionId",
  },
  {
    name: "an encoded lone surrogate %ED%A0%80 in an application id",
    handler: applicationStatus,
    request: {
      path: "/api/v1/applications/%ED%A0%80/status",
      params: { applicationId: "%ED%A0%80" },
      body: { status: "new" },
    },
    field: "path.applicationId",
  },
  {
    name: "U+0000 in a seek token",
    handler: putApplication,
    request: {
      method: "PUT",
      path: "/api/v1/applications/AX",
      params: { applicationId: "AX" },
      body: { positionId: "P1", candidate: { given: "T", family: "A" }, seekToken: "tok\u0000" },
    },
    field: "body.seekToken",
  },
  {
    name: "U+0000 in a candidate's family name",
    handler: putCandidate,
    request: {
      method: "PUT",
      path: "/api/v1/candidates/C1",
      params: { candidateId: "C1" },
      body: { name: { given: "T", family: "A\u0000" } },
    },
    field: "body.name.family",
  },
  {
    name: "an unpaired surrogate in a history description",
    handler: putHistory,
    request: {
      method: "PUT",
      path: "/api/v1/candidates/C1/history/h1",
      params: { candidateId: "C1", idempotencyId: "h1" },
      body: { action: { code: "Note", name: "Call", description: "x\uDBFF" }, actionDate: "2026-01-01T00:00:00Z" },
    },
    field: "body.action.description",
  },
  {
    name: "U+0000 in a note",
    handler: putNote,
    request: {
      method: "PUT",
      path: "/api/v1/applications/A1/notes/N1",
      params: { applicationId: "A1", noteId: "N1" },
      body: { note: "hi\u0000" },
    },
    field: "body.note",
  },
  {
    name: "an unpaired surrogate in a pipeline status label",
    handler: putPipeline,
    request: {
      method: "PUT",
      path: "/api/v1/pipelines/p2",
      params: { pipelineKey: "p2" },
      body: { name: "P", kind: "application", statuses: [{ key: "a", label: "\uD83D", success: null }] },
    },
    field: "body.statuses.0.label",
  },
  {
    name: "U+0000 in a delivery id (read)",
    handler: getDelivery,
    request: { method: "GET", path: "/api/v1/deliveries/d%00", params: { deliveryId: "d\u0000" } },
    field: "path.deliveryId",
  },
];

describe.each(databasesUnderTest())("unstorable input on %s", (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness(kind);
    await seedPipeline(h.prisma, h.organizationId, "std", twoLevelApplicationPipeline);
    expect((await call(putPosition, pos(position, "P1"))).status).toBe(202);
  });
  afterAll(async () => h?.close());

  it.each(cases)("$name → 400 naming $field, nothing written", async ({ handler, request, field }) => {
    const before = await tableCounts(h.prisma);
    const response = await call(handler, request);
    expect({ status: response.status, code: response.body?.error?.code }).toEqual({
      status: 400,
      code: "VALIDATION_FAILED",
    });
    expect(response.body.error.message).toContain(field);
    expect(response.body.error.issues[0].path).toBe(field);
    expect(await tableCounts(h.prisma)).toEqual(before);
  });

  it("a body that is not valid UTF-8 → 400 INVALID_JSON, not text with U+FFFD stored", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"title":"Bar'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('ista","applyUrl":"https://a.example/x"}'),
    ]);
    const request = new Request("http://localhost/api/v1/positions/PU", {
      method: "PUT",
      headers: { authorization: "Bearer sh_test_bootstrap_key_0123456789", "content-type": "application/json" },
      body: bytes,
    });
    const before = await tableCounts(h.prisma);
    const response = await putPosition(request, { params: Promise.resolve({ positionId: "PU" }) });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("INVALID_JSON");
    expect(await tableCounts(h.prisma)).toEqual(before);
  });

  it("a percent-encoded id that is valid UTF-8 still works: 50%25off is the id 50%off", async () => {
    const response = await call(putPosition, pos(position, "50%off", "50%25off"));
    expect(response.status).toBe(202);
    expect(await h.prisma.position.count({ where: { externalId: "50%off" } })).toBe(1);
  });
});
