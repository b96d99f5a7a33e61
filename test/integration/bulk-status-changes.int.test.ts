// POST /api/v1/status-changes (spec: Extensions, "Bulk status changes"): each change recorded exactly
// as if sent alone, in array order; one bad change does not stop the others; the whole batch is one
// Idempotency-Key; more than 1,000 changes is a 400. On every database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as putApplication } from "@/app/api/v1/applications/[applicationId]/route";
import { POST as bulk } from "@/app/api/v1/status-changes/route";
import { type ApiHarness, call, openApiHarness, seedStandardPosition, tableCounts } from "../support/api-harness";
import { databasesUnderTest } from "../support/test-databases";

const TOKEN = "globalPublicTest-WfRFAhG25YC8ADe3QvxAVz";

describe.each(databasesUnderTest())("bulk status changes on %s", (kind) => {
  let h: ApiHarness;
  // One clock for the file: every time is relative to it.
  const start = Date.now();
  const at = (secondsAgo: number) => new Date(start - secondsAgo * 1000).toISOString();

  const addApplication = async (applicationId: string) => {
    const put = await call(putApplication, {
      method: "PUT",
      path: `/api/v1/applications/${applicationId}`,
      params: { applicationId },
      body: { positionId: "P1", candidate: { given: "Terry", family: "Astley" }, seekToken: TOKEN },
    });
    expect(put.status).toBe(202);
  };
  const send = (changes: unknown, headers: Record<string, string> = {}) =>
    call(bulk, { path: "/api/v1/status-changes", body: { changes }, headers });

  beforeAll(async () => {
    h = await openApiHarness(kind);
    await seedStandardPosition(h);
  }, 60_000);
  afterAll(async () => h?.close());

  it("one bad change does not stop the others: mixed good and bad changes each get their own result", async () => {
    await addApplication("MIX-1");
    await addApplication("MIX-2");
    const response = await send([
      { applicationId: "MIX-1", status: "new", occurredAt: at(60) },
      { applicationId: "NOPE", status: "new" },
      { applicationId: "MIX-2", status: "not-a-status" },
      { applicationId: "MIX-2", status: "new", occurredAt: new Date(start + 60 * 60_000).toISOString() },
      { applicationId: "MIX-2" },
      { positionId: "P1", status: "open", occurredAt: at(50) },
      { applicationId: "MIX-2", status: "shortlist", occurredAt: at(40) },
    ]);
    expect(response.status).toBe(202);
    const results = response.body.results;
    expect(results.map((r: any) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results[0]).toEqual({
      index: 0,
      id: expect.any(String),
      deliveries: expect.arrayContaining([{ id: expect.any(String), channel: "seek-signal", state: "pending" }]),
    });
    expect(results[1].error).toMatchObject({ code: "NOT_FOUND", message: "No application with id NOPE." });
    expect(results[2].error.code).toBe("UNPROCESSABLE");
    expect(results[3].error.code).toBe("OCCURRED_IN_FUTURE");
    expect(results[4].error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(results[4].error.message).toContain("body.changes.4");
    expect(results[5]).toMatchObject({ index: 5, id: expect.any(String) });
    expect(results[6]).toMatchObject({ index: 6, id: expect.any(String) });
    // The failed changes left nothing: MIX-2 has exactly one event, and it came from change 6.
    const mix2 = await h.prisma.application.findFirstOrThrow({ where: { externalId: "MIX-2" } });
    const events = await h.prisma.event.findMany({
      where: { type: "ApplicationStatusChanged", applicationId: mix2.id },
    });
    expect(events.map((e) => e.id)).toEqual([results[6].id]);
    expect(events[0]).toMatchObject({ fromStatusKey: null, toStatusKey: "shortlist" });
  });

  it("records changes to the same application in array order, each signal's previous chained from the one before it", async () => {
    await addApplication("ORD-1");
    const times = [at(30), at(20), at(10)];
    const response = await send([
      { applicationId: "ORD-1", status: "new", occurredAt: times[0] },
      { applicationId: "ORD-1", status: "shortlist", occurredAt: times[1] },
      { applicationId: "ORD-1", status: "first", occurredAt: times[2] },
    ]);
    expect(response.status).toBe(202);
    const ids = response.body.results.map((r: any) => r.id);
    const events = await Promise.all(ids.map((id: string) => h.prisma.event.findUniqueOrThrow({ where: { id } })));
    expect(events.map((e) => [e.fromStatusKey, e.toStatusKey])).toEqual([
      [null, "new"],
      ["new", "shortlist"],
      ["shortlist", "first"],
    ]);
    const signals = await h.prisma.delivery.findMany({
      where: { kind: "ApplicationStatusUpdate", eventId: { in: ids } },
      orderBy: { seq: "asc" },
    });
    expect(signals.map((s) => s.eventId)).toEqual(ids);
    expect(signals.map((s) => (s.payload as any).current.timestamp)).toEqual(times);
    expect(signals[0]!.payload).not.toHaveProperty("previous");
    expect((signals[1]!.payload as any).previous).toMatchObject({ status: { label: "New" }, timestamp: times[0] });
    expect((signals[2]!.payload as any).previous).toMatchObject({
      status: { label: "Shortlist" },
      timestamp: times[1],
    });
  });

  it("an Idempotency-Key covers the whole batch: the repeat answers the first response and records nothing", async () => {
    await addApplication("IDEM-1");
    const changes = [
      { applicationId: "IDEM-1", status: "new", occurredAt: at(30) },
      { applicationId: "IDEM-1", status: "new", occurredAt: at(20) },
      { applicationId: "IDEM-1", status: "shortlist", occurredAt: at(10) },
    ];
    const first = await send(changes, { "idempotency-key": "bulk-idem-1" });
    expect(first.status).toBe(202);
    expect(first.body.results[1].error.code).toBe("CONFLICT");
    const before = await tableCounts(h.prisma);
    const again = await send(changes, { "idempotency-key": "bulk-idem-1" });
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await tableCounts(h.prisma)).toEqual(before);
  });

  it("takes 1,000 changes in one request, each its own event and signal", async () => {
    const apps = Array.from({ length: 10 }, (_, i) => `K-${i}`);
    for (const id of apps) await addApplication(id);
    const statuses = ["new", "shortlist"];
    const changes = Array.from({ length: 1000 }, (_, i) => ({
      applicationId: apps[i % 10],
      status: statuses[Math.floor(i / 10) % 2],
      occurredAt: at(1000 - i / 10),
    }));
    const eventsBefore = await h.prisma.event.count();
    const response = await send(changes);
    expect(response.status).toBe(202);
    expect(response.body.results).toHaveLength(1000);
    expect(response.body.results.filter((r: any) => r.error)).toEqual([]);
    expect((await h.prisma.event.count()) - eventsBefore).toBe(1000);
    const ids = response.body.results.map((r: any) => r.id);
    const signals = await h.prisma.delivery.count({ where: { kind: "ApplicationStatusUpdate", eventId: { in: ids } } });
    expect(signals).toBe(1000);
  }, 400_000);

  it("refuses 1,001 changes with 400 naming body.changes, and writes nothing", async () => {
    const before = await tableCounts(h.prisma);
    const changes = Array.from({ length: 1001 }, () => ({ applicationId: "K-0", status: "new" }));
    const response = await send(changes);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("VALIDATION_FAILED");
    expect(response.body.error.message).toContain("body.changes");
    expect(await tableCounts(h.prisma)).toEqual(before);
  });
});
