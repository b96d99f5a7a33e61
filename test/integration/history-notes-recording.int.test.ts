// Candidate process history and application notes: what the API records and queues (delivery is tested
// with the channels).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteNote, PUT as putNote } from "@/app/api/v1/applications/[applicationId]/notes/[noteId]/route";
import { PUT as putApplication } from "@/app/api/v1/applications/[applicationId]/route";
import { POST as applicationStatus } from "@/app/api/v1/applications/[applicationId]/status/route";
import {
  DELETE as deleteHistory,
  PUT as putHistory,
} from "@/app/api/v1/candidates/[candidateId]/history/[idempotencyId]/route";
import { PUT as putCandidate } from "@/app/api/v1/candidates/[candidateId]/route";
import { PUT as putPosition } from "@/app/api/v1/positions/[positionId]/route";
import { type ApiHarness, call, openApiHarness, seedPipeline, tableCounts } from "../support/api-harness";
import { mappedPipeline } from "../support/fixtures";
import { databasesUnderTest } from "../support/test-databases";

const PROFILE = "seekAnzPublicTest:positionProfile:jobAd:27cuZeA47";
const CANDIDATE_PROFILE = "seekAnzPublicTest:candidateProfile:x1";

describe.each(databasesUnderTest())("history and notes recording on %s", (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness(kind);
    await seedPipeline(h.prisma, h.organizationId, "mapped", mappedPipeline);
    await call(putPosition, {
      method: "PUT",
      path: "/api/v1/positions/P1",
      params: { positionId: "P1" },
      body: {
        title: "Chef",
        applicationPipeline: "mapped",
        seekPositionProfileIds: [PROFILE],
        applyUrl: "https://ats.example.com/apply",
      },
    });
    const cand = await call(putCandidate, {
      method: "PUT",
      path: "/api/v1/candidates/C1",
      params: { candidateId: "C1" },
      body: { seekCandidateProfileId: CANDIDATE_PROFILE, name: { given: "Hayden", family: "Robinson" } },
    });
    expect(cand.status).toBe(202);
    await call(putCandidate, {
      method: "PUT",
      path: "/api/v1/candidates/LOCAL",
      params: { candidateId: "LOCAL" },
      body: { name: { given: "Lo", family: "Cal" } },
    });
  });
  afterAll(async () => h?.close());

  const history = (id: string, body: unknown, candidateId = "C1") =>
    call(putHistory, {
      method: "PUT",
      path: `/api/v1/candidates/${candidateId}/history/${id}`,
      params: { candidateId, idempotencyId: id },
      body,
    });
  const removeHistory = (id: string) =>
    call(deleteHistory, {
      method: "DELETE",
      path: `/api/v1/candidates/C1/history/${id}`,
      params: { candidateId: "C1", idempotencyId: id },
    });
  const transition = {
    action: { code: "CandidateWorkflowTransition", name: "Initial offer", description: "Progressed to offer stage" },
    actionDate: "2026-11-20T12:31:43.185Z",
    positionId: "P1",
    seekSource: "Recruitment Agency",
    status: "Offer",
  };

  it("creates an item the first time with SEEK's shape, a 60-second deadline and the item's ordering key", async () => {
    const before = Date.now();
    const r = await history("item-1", transition);
    expect(r.status).toBe(202);
    expect(r.body.deliveries).toEqual([{ id: expect.any(String), channel: "seek-history", state: "pending" }]);
    const row = await h.prisma.delivery.findUniqueOrThrow({ where: { id: r.body.deliveries[0].id } });
    expect(row.kind).toBe("HistoryCreate");
    expect(row.orderingKey).toMatch(/^history:.+:item-1$/);
    expect(row.dueBy!.getTime() - before).toBeGreaterThanOrEqual(60_000 - 5);
    expect(row.dueBy!.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    expect(row.payload).toEqual({
      operation: "create",
      candidateProfileId: CANDIDATE_PROFILE,
      idempotencyId: "item-1",
      item: {
        action: {
          code: "CandidateWorkflowTransition",
          name: "Initial offer",
          description: "Progressed to offer stage",
        },
        actionDate: "2026-11-20T12:31:43.185Z",
        primaryParties: [
          {
            person: {
              name: { formattedName: "Hayden R", given: "Hayden", family: "Robinson" },
              communication: { email: [], phone: [] },
            },
          },
        ],
        positionProfile: { profileId: PROFILE },
        seekSource: { name: "Recruitment Agency" },
        status: { code: "Offer" },
      },
    });
  });

  it("replaces it afterwards: an update queued behind the create under the same ordering key", async () => {
    const r = await history("item-1", { ...transition, action: { ...transition.action, name: "Revised offer" } });
    const rows = await h.prisma.delivery.findMany({
      where: { orderingKey: { endsWith: ":item-1" } },
      orderBy: { seq: "asc" },
    });
    expect(rows.map((x) => x.kind)).toEqual(["HistoryCreate", "HistoryUpdate"]);
    expect(rows[1]!.id).toBe(r.body.deliveries[0].id);
    expect((rows[1]!.payload as any).item.action.name).toBe("Revised offer");
  });

  it("a delete before the create was ever sent cancels them out, and says so", async () => {
    const r = await removeHistory("item-1");
    expect(r.status).toBe(202);
    expect(r.body.deliveries).toEqual([]);
    const rows = await h.prisma.delivery.findMany({ where: { orderingKey: { endsWith: ":item-1" } } });
    expect(rows.map((x) => [x.state, x.lastErrorCode])).toEqual([
      ["cancelled", "CANCELLED_OUT"],
      ["cancelled", "CANCELLED_OUT"],
    ]);
    // A deleted item's idempotency id stays taken at SEEK.
    expect((await history("item-1", transition)).status).toBe(409);
  });

  it("a delete after the create was attempted is queued behind it", async () => {
    const created = await history("item-2", {
      action: { code: "Note", name: "Contact again later" },
      actionDate: "2026-11-20T00:00:00Z",
    });
    await h.prisma.delivery.update({ where: { id: created.body.deliveries[0].id }, data: { attempts: 1 } });
    const r = await removeHistory("item-2");
    expect(r.body.deliveries).toHaveLength(1);
    const rows = await h.prisma.delivery.findMany({
      where: { orderingKey: { endsWith: ":item-2" } },
      orderBy: { seq: "asc" },
    });
    expect(rows.map((x) => [x.kind, x.state])).toEqual([
      ["HistoryCreate", "pending"],
      ["HistoryDelete", "pending"],
    ]);
    // A general interaction has no placement fields and no status.
    expect((rows[0]!.payload as any).item).not.toHaveProperty("positionProfile");
    expect((rows[0]!.payload as any).item).not.toHaveProperty("status");
  });

  it.each([
    ["status missing on a CandidateWorkflowTransition", { ...transition, status: undefined }, 400],
    [
      "status on a Note",
      { action: { code: "Note", name: "n" }, actionDate: "2026-11-20T00:00:00Z", status: "Offer" },
      400,
    ],
    ["positionId without seekSource", { ...transition, seekSource: undefined }, 400],
    ["an unknown action code", { ...transition, action: { code: "Teleport", name: "x" } }, 400],
    ["an unknown status code", { ...transition, status: "Hired" }, 400],
    [
      "a description over 1,000 characters",
      { ...transition, action: { ...transition.action, description: "d".repeat(1001) } },
      400,
    ],
    [
      "a candidate without a SEEK profile",
      { action: { code: "Note", name: "n" }, actionDate: "2026-11-20T00:00:00Z" },
      422,
      "LOCAL",
    ],
  ] as const)("refuses %s, writing nothing", async (_name, body, status, candidateId?: string) => {
    const before = await tableCounts(h.prisma);
    const r = await history("item-x", body, candidateId ?? "C1");
    expect(r.status).toBe(status);
    expect(await tableCounts(h.prisma)).toEqual(before);
  });

  it("a status change mapped to a SEEK status code also records a CandidateWorkflowTransition; unmapped ones do not", async () => {
    await call(putApplication, {
      method: "PUT",
      path: "/api/v1/applications/A1",
      params: { applicationId: "A1" },
      body: {
        positionId: "P1",
        candidateId: "C1",
        candidate: { given: "Hayden", family: "Robinson" },
        seekToken: "tok-1",
      },
    });
    const move = (status: string) =>
      call(applicationStatus, {
        path: "/api/v1/applications/A1/status",
        params: { applicationId: "A1" },
        body: { status, occurredAt: "2026-11-21T10:00:00Z" },
      });
    const mapped = await move("offer");
    expect(mapped.body.deliveries.map((d: any) => d.channel)).toEqual(["seek-signal", "seek-history"]);
    const row = await h.prisma.delivery.findUniqueOrThrow({ where: { id: mapped.body.deliveries[1].id } });
    expect((row.payload as any).item).toMatchObject({
      action: { code: "CandidateWorkflowTransition", name: "Initial offer" },
      actionDate: "2026-11-21T10:00:00.000Z",
      positionProfile: { profileId: PROFILE },
      seekSource: { name: "SEEK" },
      status: { code: "Offer" },
    });
    const unmapped = await move("chat");
    expect(unmapped.body.deliveries.map((d: any) => d.channel)).toEqual(["seek-signal"]);
  });

  it("notes are queued for LinkedIn in writing order under the application's key; a delete follows them", async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const r = await call(putNote, {
        method: "PUT",
        path: `/api/v1/applications/A1/notes/N${n}`,
        params: { applicationId: "A1", noteId: `N${n}` },
        body: {
          note: `note ${n} <script>alert(1)</script>`,
          author: { firstName: "Angela", lastName: "Smith" },
          createdAt: "2017-01-19T22:16:27Z",
        },
      });
      expect(r.status).toBe(202);
      ids.push(r.body.deliveries[0].id);
    }
    const del = await call(deleteNote, {
      method: "DELETE",
      path: "/api/v1/applications/A1/notes/N2",
      params: { applicationId: "A1", noteId: "N2" },
    });
    expect(del.status).toBe(202);
    const rows = await h.prisma.delivery.findMany({ where: { channel: "linkedin-note" }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.kind)).toEqual(["NoteUpsert", "NoteUpsert", "NoteUpsert", "NoteDelete"]);
    expect(new Set(rows.map((r) => r.orderingKey)).size).toBe(1);
    expect(rows[0]!.destination).toBe(`linkedin:${h.organizationId}`);
    expect(rows[0]!.payload).toEqual({
      operation: "upsert",
      atsJobApplicationId: "A1",
      noteId: "N1",
      entity: {
        atsCreatedAt: 1484864187000,
        note: "note 1 <script>alert(1)</script>",
        author: { firstName: "Angela", lastName: "Smith" },
      },
    });
    const again = await call(deleteNote, {
      method: "DELETE",
      path: "/api/v1/applications/A1/notes/N2",
      params: { applicationId: "A1", noteId: "N2" },
    });
    expect(again.status).toBe(404);
  });
});
