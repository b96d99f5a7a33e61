// A single status change without Idempotency-Key runs without a transaction (lib/status-changes/
// change-status-alone.ts): read unlocked, write guarded by the version read. Concurrent changes of one
// application must still serialize as under the lock: every accepted change recorded once, each one's
// `from` the `to` of the change before it (in the outbox's seq order, which is commit order per
// application), the application left where the last one put it, one signal per change. On PostgreSQL the
// requests really overlap (a pool of connections); PGlite runs one statement at a time, but the requests'
// reads and writes still interleave (without the guard, this fails on both).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as putApplication } from "@/app/api/v1/applications/[applicationId]/route";
import { POST as applicationStatus } from "@/app/api/v1/applications/[applicationId]/status/route";
import { POST as positionStatus } from "@/app/api/v1/positions/[positionId]/status/route";
import { type ApiHarness, call, openApiHarness, seedStandardPosition } from "../support/api-harness";
import { databasesUnderTest } from "../support/test-databases";

const CONCURRENT = 24;
const STATUSES = ["shortlist", "phone", "first", "declined"];

describe.each(databasesUnderTest())("concurrent single status changes without a transaction, on %s", (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness(kind);
    await seedStandardPosition(h);
    const application = await call(putApplication, {
      method: "PUT",
      path: "/api/v1/applications/A1",
      params: { applicationId: "A1" },
      body: { positionId: "P1", candidate: { given: "Terry", family: "Astley" }, seekToken: "tok-0123456789" },
    });
    expect(application.status).toBe(202);
  });
  afterAll(async () => h?.close());

  /**
   * The record's status events in commit order (their signals' seq) are exactly the accepted answers'
   * events, each one's `from` the `to` of the one before, and the record stands where the last left it.
   */
  const expectOneChain = async (
    responses: { status: number; body: { id: string } }[],
    record: { id: string; currentStatusKey: string | null },
    table: "Application" | "Position",
  ) => {
    // A change to the status the record is in by then is refused (409), as it would be one by one.
    for (const r of responses) expect([202, 409]).toContain(r.status);
    const accepted = responses.filter((r) => r.status === 202);
    expect(accepted.length).toBeGreaterThan(0);
    const events = await h.prisma.event.findMany({
      where:
        table === "Application"
          ? { applicationId: record.id, type: "ApplicationStatusChanged" }
          : { positionId: record.id, type: "PositionStatusChanged" },
      select: { id: true, fromStatusKey: true, toStatusKey: true },
    });
    const deliveries = await h.prisma.delivery.findMany({
      where: { eventId: { in: events.map((e) => e.id) }, channel: "seek-signal" },
      select: { eventId: true, seq: true },
    });
    const seq = new Map(deliveries.map((d) => [d.eventId, d.seq]));
    expect(seq.size).toBe(events.length);
    events.sort((a, b) => Number(seq.get(a.id)! - seq.get(b.id)!));
    expect(events.map((e) => e.id).sort()).toEqual(accepted.map((r) => r.body.id).sort());
    expect(events[0]!.fromStatusKey).toBeNull();
    for (let i = 1; i < events.length; i++) expect(events[i]!.fromStatusKey).toBe(events[i - 1]!.toStatusKey);
    expect(record.currentStatusKey).toBe(events.at(-1)!.toStatusKey);
  };

  it(`${CONCURRENT} changes of one application at once: each accepted one recorded once, in one unbroken chain`, async () => {
    const responses = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        call(applicationStatus, {
          path: "/api/v1/applications/A1/status",
          params: { applicationId: "A1" },
          body: { status: STATUSES[i % STATUSES.length] },
        }),
      ),
    );
    const application = await h.prisma.application.findFirstOrThrow({ where: { externalId: "A1" } });
    await expectOneChain(responses, application, "Application");
    for (const r of responses.filter((r) => r.status === 202))
      expect(r.body.deliveries.map((d: { channel: string }) => d.channel)).toContain("seek-signal");
  });

  it("a position's changes at once, the same", async () => {
    const responses = await Promise.all(
      ["open", "review", "filled", "open", "review", "withdrawn", "open", "review"].map((status) =>
        call(positionStatus, { path: "/api/v1/positions/P1/status", params: { positionId: "P1" }, body: { status } }),
      ),
    );
    const position = await h.prisma.position.findFirstOrThrow({ where: { externalId: "P1" } });
    await expectOneChain(responses, position, "Position");
  });
});
