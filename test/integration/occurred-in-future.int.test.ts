// A time more than 5 minutes ahead of the server clock is 422 OCCURRED_IN_FUTURE on every write that
// takes one, and nothing is queued for SEEK or LinkedIn (spec: Extensions, rules for every write).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as completeApplication } from "@/app/api/v1/applications/[applicationId]/complete/route";
import { PUT as putNote } from "@/app/api/v1/applications/[applicationId]/notes/[noteId]/route";
import { PUT as putApplication } from "@/app/api/v1/applications/[applicationId]/route";
import { POST as applicationStatus } from "@/app/api/v1/applications/[applicationId]/status/route";
import { PUT as putHistory } from "@/app/api/v1/candidates/[candidateId]/history/[idempotencyId]/route";
import { PUT as putCandidate } from "@/app/api/v1/candidates/[candidateId]/route";
import { POST as positionStatus } from "@/app/api/v1/positions/[positionId]/status/route";
import {
  type ApiHarness,
  type CallOptions,
  call,
  openApiHarness,
  seedStandardPosition,
  tableCounts,
} from "../support/api-harness";
import { databasesUnderTest } from "../support/test-databases";

const HOUR = 60 * 60 * 1000;

// Each request builds its times from the real clock it runs against: "an hour ahead" is always ahead.
const ahead = (ms: number) => new Date(Date.now() + ms).toISOString();

const writes: { name: string; field: string; handler: any; request: (at: string) => CallOptions }[] = [
  {
    name: "application status change",
    field: "occurredAt",
    handler: applicationStatus,
    request: (at) => ({
      path: "/api/v1/applications/A1/status",
      params: { applicationId: "A1" },
      body: { status: "new", occurredAt: at },
    }),
  },
  {
    name: "position status change",
    field: "occurredAt",
    handler: positionStatus,
    request: (at) => ({
      path: "/api/v1/positions/P1/status",
      params: { positionId: "P1" },
      body: { status: "open", occurredAt: at },
    }),
  },
  {
    name: "application complete",
    field: "occurredAt",
    handler: completeApplication,
    request: (at) => ({
      path: "/api/v1/applications/A1/complete",
      params: { applicationId: "A1" },
      body: { occurredAt: at },
    }),
  },
  {
    name: "history item actionDate",
    field: "actionDate",
    handler: putHistory,
    request: (at) => ({
      method: "PUT",
      path: "/api/v1/candidates/C1/history/h1",
      params: { candidateId: "C1", idempotencyId: "h1" },
      body: { action: { code: "Note", name: "Called" }, actionDate: at },
    }),
  },
  {
    name: "note createdAt",
    field: "createdAt",
    handler: putNote,
    request: (at) => ({
      method: "PUT",
      path: "/api/v1/applications/A1/notes/N1",
      params: { applicationId: "A1", noteId: "N1" },
      body: { note: "Great interview", createdAt: at },
    }),
  },
];

describe.each(databasesUnderTest())("future times on %s", (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness(kind);
    await seedStandardPosition(h);
    const setup: [any, CallOptions][] = [
      [
        putApplication,
        {
          method: "PUT",
          path: "/api/v1/applications/A1",
          params: { applicationId: "A1" },
          body: { positionId: "P1", candidate: { given: "Terry", family: "Astley" }, seekToken: "tok-0123456789" },
        },
      ],
      [
        putCandidate,
        {
          method: "PUT",
          path: "/api/v1/candidates/C1",
          params: { candidateId: "C1" },
          body: {
            name: { given: "Terry", family: "Astley" },
            seekCandidateProfileId: "seekAnzPublicTest:candidateProfile:apply:1",
          },
        },
      ],
    ];
    for (const [handler, request] of setup) expect((await call(handler, request)).status).toBe(202);
  });
  afterAll(async () => h?.close());

  it.each(writes)(
    "$name: an hour ahead → 422 OCCURRED_IN_FUTURE naming $field, nothing written or queued",
    async ({ handler, request, field }) => {
      const before = await tableCounts(h.prisma);
      const response = await call(handler, request(ahead(HOUR)));
      expect({ status: response.status, code: response.body?.error?.code }).toEqual({
        status: 422,
        code: "OCCURRED_IN_FUTURE",
      });
      expect(response.body.error.message).toContain(field);
      expect(await tableCounts(h.prisma)).toEqual(before);
    },
  );

  it.each(writes)("$name: a minute ago → 202 (the past is what it is for)", async ({ handler, request }) => {
    const response = await call(handler, request(ahead(-60_000)));
    expect(response.status).toBe(202);
  });
});
