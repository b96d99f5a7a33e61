// PUT /api/v1/pipelines/{key} that drops a status records are in (spec: Extensions, "Pipeline edits
// that would strand applications"): 409 STATUS_IN_USE with counts, unless "moves" says where they go;
// then they move in the same transaction as normal status changes timed at the save. On every database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as putApplication } from "@/app/api/v1/applications/[applicationId]/route";
import { POST as applicationStatus } from "@/app/api/v1/applications/[applicationId]/status/route";
import { PUT as putPipeline } from "@/app/api/v1/pipelines/[pipelineKey]/route";
import { POST as positionStatus } from "@/app/api/v1/positions/[positionId]/status/route";
import type { TPipelineDefinition } from "@/lib/pipelines/pipeline-definition";
import { type ApiHarness, call, openApiHarness, putStandardPosition, tableCounts } from "../support/api-harness";
import { expectConsoleError } from "../support/console-error-fails";
import { flatPositionPipeline, twoLevelApplicationPipeline } from "../support/fixtures";
import { databasesUnderTest } from "../support/test-databases";

const TOKEN = "globalPublicTest-WfRFAhG25YC8ADe3QvxAVz";

// The application pipeline without "first" (First interview) and "phone".
const withoutInterviews: TPipelineDefinition = {
  ...twoLevelApplicationPipeline,
  statuses: twoLevelApplicationPipeline.statuses.filter((s) => s.key !== "first" && s.key !== "phone"),
};

describe.each(databasesUnderTest())("pipeline edits that would strand records on %s", (kind) => {
  let h: ApiHarness;
  const start = Date.now();
  const at = (secondsAgo: number) => new Date(start - secondsAgo * 1000).toISOString();
  const savePipeline = (key: string, body: unknown) =>
    call(putPipeline, { method: "PUT", path: `/api/v1/pipelines/${key}`, params: { pipelineKey: key }, body });
  const moveApplication = (applicationId: string, status: string, occurredAt: string) =>
    call(applicationStatus, {
      path: `/api/v1/applications/${applicationId}/status`,
      params: { applicationId },
      body: { status, occurredAt },
    });

  beforeAll(async () => {
    h = await openApiHarness(kind);
    expect((await savePipeline("std", twoLevelApplicationPipeline)).status).toBe(202);
    expect((await savePipeline("pos", flatPositionPipeline)).status).toBe(202);
    await putStandardPosition();
    for (const [id, status] of [
      ["A1", "first"],
      ["A2", "first"],
      ["A3", "phone"],
      ["A4", "new"],
    ] as const) {
      const put = await call(putApplication, {
        method: "PUT",
        path: `/api/v1/applications/${id}`,
        params: { applicationId: id },
        body: { positionId: "P1", candidate: { given: "Terry", family: "Astley" }, seekToken: TOKEN },
      });
      expect(put.status).toBe(202);
      expect((await moveApplication(id, status, at(120))).status).toBe(202);
    }
  }, 60_000);
  afterAll(async () => h?.close());

  it("dropping statuses applications are in is 409 STATUS_IN_USE with the count per status, and saves nothing", async () => {
    const before = await tableCounts(h.prisma);
    const response = await savePipeline("std", withoutInterviews);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("STATUS_IN_USE");
    expect(response.body.error.issues).toEqual([
      { status: "first", count: 2 },
      { status: "phone", count: 1 },
    ]);
    expect(await tableCounts(h.prisma)).toEqual(before);
  });

  it("a move target not in the new version is 422 naming it", async () => {
    const response = await savePipeline("std", { ...withoutInterviews, moves: { first: "phone", phone: "new" } });
    expect(response.status).toBe(422);
    expect(response.body.error.message).toContain("moves.first");
    expect(response.body.error.issues[0].path).toBe("moves.first");
  });

  it("with moves, the records move in the save's transaction: an event and a signal with previous each, timed at the save", async () => {
    const response = await savePipeline("std", { ...withoutInterviews, moves: { first: "shortlist", phone: "new" } });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ version: 2, moved: 3 });
    expect(response.body.deliveries).toHaveLength(3);
    const saved = await h.prisma.event.findUniqueOrThrow({ where: { id: response.body.id } });
    const apps = await h.prisma.application.findMany({ orderBy: { externalId: "asc" } });
    expect(apps.map((a) => [a.externalId, a.currentStatusKey])).toEqual([
      ["A1", "shortlist"],
      ["A2", "shortlist"],
      ["A3", "new"],
      ["A4", "new"],
    ]);
    const moves = await h.prisma.event.findMany({
      where: { type: "ApplicationStatusChanged", versionId: saved.versionId! },
    });
    expect(moves.map((e) => [e.fromStatusKey, e.toStatusKey]).sort()).toEqual([
      ["first", "shortlist"],
      ["first", "shortlist"],
      ["phone", "new"],
    ]);
    // Event time = the save: every move carries the same time, no earlier than the first status.
    expect(new Set(moves.map((e) => e.occurredAt.getTime())).size).toBe(1);
    expect(moves[0]!.occurredAt.getTime()).toBeGreaterThanOrEqual(start);
    const signals = await h.prisma.delivery.findMany({
      where: { kind: "ApplicationStatusUpdate", eventId: { in: moves.map((e) => e.id) } },
    });
    expect(signals).toHaveLength(3);
    for (const signal of signals) {
      expect((signal.payload as any).previous).toMatchObject({ timestamp: at(120) });
      expect((signal.payload as any).current.timestamp).toBe(moves[0]!.occurredAt.toISOString());
    }
    expect(signals.map((s) => (s.payload as any).previous.status.label).sort()).toEqual([
      "First interview",
      "First interview",
      "Phone screen",
    ]);
  });

  it("positions too: dropping a status a position is in needs a move", async () => {
    expect(
      (
        await call(positionStatus, {
          path: "/api/v1/positions/P1/status",
          params: { positionId: "P1" },
          body: { status: "review" },
        })
      ).status,
    ).toBe(202);
    const withoutReview = {
      ...flatPositionPipeline,
      statuses: flatPositionPipeline.statuses.filter((s) => s.key !== "review"),
    };
    const refused = await savePipeline("pos", withoutReview);
    expect(refused.status).toBe(409);
    expect(refused.body.error.issues).toEqual([{ status: "review", count: 1 }]);
    const moved = await savePipeline("pos", { ...withoutReview, moves: { review: "open" } });
    expect(moved.status).toBe(202);
    expect((await h.prisma.position.findFirstOrThrow({ where: { externalId: "P1" } })).currentStatusKey).toBe("open");
  });

  it("a move that fails rolls back the whole save: no version, no event, nobody moved", async () => {
    const logged = expectConsoleError();
    // A3 and A4 are in "new"; dropping it moves both (A3 first). The database refuses A4's move event,
    // so the failure comes after A3's move was written: everything must go back.
    const a4 = await h.prisma.application.findFirstOrThrow({ where: { externalId: "A4" } });
    await h.prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_a4() RETURNS trigger AS $$ BEGIN
      IF NEW."applicationId" = '${a4.id}' THEN RAISE EXCEPTION 'refused for the test'; END IF;
      RETURN NEW; END $$ LANGUAGE plpgsql`);
    await h.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_a4 BEFORE INSERT ON "Event" FOR EACH ROW EXECUTE FUNCTION refuse_a4()`,
    );
    try {
      const dropNew = { ...withoutInterviews, statuses: withoutInterviews.statuses.filter((s) => s.key !== "new") };
      const before = await tableCounts(h.prisma);
      const response = await savePipeline("std", { ...dropNew, moves: { new: "shortlist" } });
      expect(response.status).toBe(500);
      expect(logged.length).toBeGreaterThan(0);
      expect(await tableCounts(h.prisma)).toEqual(before);
      const inNew = await h.prisma.application.findMany({ where: { currentStatusKey: "new" } });
      expect(inNew.map((a) => a.externalId).sort()).toEqual(["A3", "A4"]);
    } finally {
      await h.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_a4 ON "Event"`);
    }
  });
});
