// Concurrent repeats with one Idempotency-Key and body: every one answers the first response, exactly one
// event is recorded (spec: Extensions, rules for every write). On both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as putApplication } from "@/app/api/v1/applications/[applicationId]/route";
import { POST as applicationStatus } from "@/app/api/v1/applications/[applicationId]/status/route";
import { PUT as putPosition } from "@/app/api/v1/positions/[positionId]/route";
import { type ApiHarness, call, openApiHarness, seedPipeline } from "../support/api-harness";
import { twoLevelApplicationPipeline } from "../support/fixtures";
import { databasesUnderTest } from "../support/test-databases";

const CONCURRENCY = 10;

describe.each(databasesUnderTest())("concurrent Idempotency-Key repeats on %s", (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness(kind);
    await seedPipeline(h.prisma, h.organizationId, "std", twoLevelApplicationPipeline);
    const position = await call(putPosition, {
      method: "PUT",
      path: "/api/v1/positions/P1",
      params: { positionId: "P1" },
      body: {
        title: "Barista",
        applicationPipeline: "std",
        seekPositionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
        applyUrl: "https://ats.example.com/apply",
      },
    });
    expect(position.status).toBe(202);
    for (const id of ["A1", "A2"]) {
      const application = await call(putApplication, {
        method: "PUT",
        path: `/api/v1/applications/${id}`,
        params: { applicationId: id },
        body: { positionId: "P1", candidate: { given: "Terry", family: "Astley" }, seekToken: "tok-0123456789" },
      });
      expect(application.status).toBe(202);
    }
  });
  afterAll(async () => h?.close());

  const move = (applicationId: string, key: string, status: string) =>
    call(applicationStatus, {
      path: `/api/v1/applications/${applicationId}/status`,
      params: { applicationId },
      body: { status },
      headers: { "idempotency-key": key },
    });

  it(`${CONCURRENCY} simultaneous identical status changes all answer 202 with the same event id; one event is recorded`, async () => {
    const eventsBefore = await h.prisma.event.count({ where: { type: "ApplicationStatusChanged" } });
    const responses = await Promise.all(Array.from({ length: CONCURRENCY }, () => move("A1", "same-key", "new")));

    expect(responses.map((r) => r.status)).toEqual(Array(CONCURRENCY).fill(202));
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const replayed = responses.filter((r) => r.headers.get("idempotent-replayed") === "true");
    expect(replayed).toHaveLength(CONCURRENCY - 1);
    for (const r of responses) expect(r.body).toEqual(responses[0]!.body);
    expect(await h.prisma.event.count({ where: { type: "ApplicationStatusChanged" } })).toBe(eventsBefore + 1);
    expect(await h.prisma.idempotencyRecord.count({ where: { key: "same-key" } })).toBe(1);
  });

  it("the same key with a different body stays 422 IDEMPOTENCY_KEY_REUSED, also when sent concurrently", async () => {
    const responses = await Promise.all([
      move("A2", "mixed-key", "new"),
      move("A2", "mixed-key", "shortlist"),
      move("A2", "mixed-key", "new"),
      move("A2", "mixed-key", "shortlist"),
    ]);
    const first = responses.find((r) => r.status === 202 && r.headers.get("idempotent-replayed") !== "true");
    expect(first).toBeDefined();
    for (const r of responses) {
      if (r.body?.id === first!.body.id) expect(r.status).toBe(202);
      else
        expect({ status: r.status, code: r.body.error.code }).toEqual({ status: 422, code: "IDEMPOTENCY_KEY_REUSED" });
    }
    expect(responses.filter((r) => r.status === 202)).toHaveLength(2);
    expect(await h.prisma.idempotencyRecord.count({ where: { key: "mixed-key" } })).toBe(1);
  });
});
