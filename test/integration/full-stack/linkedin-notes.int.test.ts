// Application notes end to end: written through the v1 API, sent by the real engine with the product's
// linkedin-note channel, received by the LinkedIn mock. Seed 004: batches of at most 100 records in
// sequential order, every entity's answer checked, and LinkedIn's records-per-minute limit held by all
// workers together. The engine batches an ordering key's consecutive rows for this channel
// (lib/delivery/claim/extend-ordered-runs.ts): the first test is its proof.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LinkedinMock, startLinkedinMock } from "@/e2e/mocks/linkedin/server";
import { createPrisma, type Db, db } from "@/lib/db/client";
import { drainFor, drainOnce, runWorker, type WorkerSummary } from "@/lib/delivery/run/drain";
import { openWake } from "@/lib/delivery/run/wake";
import { createLinkedinNoteChannel } from "@/lib/linkedin/linkedin-note-channel";
import { MINUTE_FULL } from "@/lib/linkedin/throttle";
import { productionChannels } from "@/lib/runtime/production-channels";
import { type ApiHarness, openApiHarness } from "../../support/api-harness";
import { quietLog, waitUntil } from "../../support/delivery-fixtures";
import { api, pointLinkedinAt, tally } from "../../support/full-stack";
import { databasesUnderTest } from "../../support/test-databases";

/** LinkedIn's limit made small, so a minute's worth is reached in seconds (the real one is 10,000). */
const RECORDS_PER_MINUTE = 80;

describe.each(databasesUnderTest())("application notes from the API to LinkedIn on %s", (kind) => {
  let h: ApiHarness;
  let mock: LinkedinMock;
  let unpointLinkedin: () => void;
  const extraClients: Db[] = [];
  // One clock for LinkedIn (the mock) and the workers that send to it: the real one, unless a test holds
  // it at a time of its choosing, so that where a request falls against a minute never depends on luck.
  let heldAt: number | null = null;
  const clockMs = () => heldAt ?? Date.now();
  const clock = () => new Date(clockMs());

  const writeNotes = async (application: string, count: number) => {
    await api.putApplication(application, { positionId: "P1", candidate: { given: "Note", family: application } });
    const ids: string[] = [];
    for (let n = 1; n <= count; n++) {
      const noteId = `${application}-N${n}`;
      const written = await api.putNote(application, noteId, {
        note: `Note ${n} of ${application}`,
        author: { firstName: "Angela", lastName: "Smith" },
        createdAt: new Date(Date.UTC(2026, 10, 20, 9, 0, n)).toISOString(),
      });
      expect(written.deliveries).toEqual([{ id: expect.any(String), channel: "linkedin-note", state: "pending" }]);
      ids.push(noteId);
    }
    return ids;
  };
  const requestsFor = (application: string) =>
    mock.received().filter((r) => r.atsJobApplicationId === application && r.method === "PUT");

  beforeAll(async () => {
    h = await openApiHarness(kind);
    mock = await startLinkedinMock({ now: clockMs, limits: { recordsPerMinute: RECORDS_PER_MINUTE } });
    unpointLinkedin = pointLinkedinAt(mock);
    await api.putPosition("P1", { title: "Recruiter", applyUrl: "https://ats.example.com/jobs/P1/apply" });
  });
  afterAll(async () => {
    unpointLinkedin?.();
    await mock?.close();
    for (const client of extraClients) await client.$disconnect();
    await db().$disconnect();
    await h?.close();
  });
  beforeEach(() => {
    heldAt = null;
    mock.reset();
  });

  it("250 notes of one application reach LinkedIn in writing order, in three batch requests of at most 100", async () => {
    // Limits as LinkedIn's for this test: the cap has its own test below.
    mock.setFaults({ recordsPerMinute: 10_000 });
    const written = await writeNotes("A1", 250);
    const started = performance.now();
    const summary = await drainFor(60_000, {
      db: db(),
      channels: productionChannels(db()),
      workerId: "notes-250",
      log: quietLog(),
    });
    const drainMs = Math.round(performance.now() - started);

    const requests = requestsFor("A1");
    const sizes = requests.map((r) => r.ids.length);
    console.info(
      `[full-stack ${kind}] LinkedIn: 250 notes of one application in ${requests.length} requests (${sizes.join("/")}), ` +
        `drained in ${drainMs} ms (${summary.batches} batches)`,
    );
    expect(summary.delivered).toBe(250);
    // One request per run of a key's rows: 250 notes are ceil(250 / 100) requests, not 250.
    expect(sizes).toEqual([100, 100, 50]);
    expect(requests.every((r) => r.httpStatus === 200 && r.headers["x-restli-method"] === "batch_update")).toBe(true);
    expect(requests.flatMap((r) => r.ids)).toEqual(written);
    expect(requests.flatMap((r) => r.succeeded)).toEqual(written);
    expect(mock.notes("A1").map((n) => n.noteId)).toEqual(written);
    expect(mock.notes("A1")[249]).toMatchObject({
      note: "Note 250 of A1",
      author: { firstName: "Angela", lastName: "Smith" },
    });
    // Each attempt names the request that carried it.
    const attempts = await h.prisma.deliveryAttempt.findMany({ where: { workerId: "notes-250" } });
    expect(attempts).toHaveLength(250);
    expect(new Set(attempts.map((a) => a.requestId))).toEqual(new Set(requests.map((r) => r.requestId)));
  });

  it("a note LinkedIn refused inside a successful batch is retried alone: its batch-mates are not sent again", async () => {
    mock.setFaults({ recordsPerMinute: 10_000 });
    const written = await writeNotes("A2", 150);
    mock.addEntityErrors({ noteIds: ["A2-N120"], status: 500, message: "Internal error for this entity" });
    const wake = await openWake(h.target);
    const stop = new AbortController();
    const worker = runWorker({
      db: db(),
      channels: productionChannels(db()),
      workerId: "notes-entity",
      mode: "standalone",
      signal: stop.signal,
      wake,
      pollMs: 250,
      log: quietLog(),
    });
    try {
      await waitUntil(
        "150 notes delivered",
        async () =>
          (await h.prisma.delivery.count({
            where: { state: "delivered", payload: { path: ["atsJobApplicationId"], equals: "A2" } },
          })) === 150,
        60_000,
      );
    } finally {
      stop.abort();
      await worker;
      await wake.close();
    }
    const requests = requestsFor("A2");
    expect(requests.map((r) => r.ids.length)).toEqual([100, 50, 1]);
    expect(requests[1]!.failed).toEqual({ "A2-N120": 500 });
    expect(requests[2]!.ids).toEqual(["A2-N120"]);
    const sent = tally(requests.flatMap((r) => r.ids));
    expect([...sent].filter(([, n]) => n > 1)).toEqual([["A2-N120", 2]]);
    expect(
      mock
        .notes("A2")
        .map((n) => n.noteId)
        .sort(),
    ).toEqual([...written].sort());
    const refused = await h.prisma.delivery.findFirstOrThrow({
      where: { payload: { path: ["noteId"], equals: "A2-N120" } },
    });
    const attempts = await h.prisma.deliveryAttempt.findMany({
      where: { deliveryId: refused.id },
      orderBy: { startedAt: "asc" },
    });
    expect(attempts.map((a) => [a.outcome, a.batchSize, a.errorCodes])).toEqual([
      ["retry", 50, ["LINKEDIN_ENTITY_500:A2-N120"]],
      ["delivered", 1, []],
    ]);
  });

  it("two workers together never send LinkedIn more records in a minute than the limit, nor across a minute's boundary", async () => {
    mock.setFaults({ recordsPerMinute: RECORDS_PER_MINUTE });
    // The earlier tests sent this LinkedIn client's records in this same minute, under LinkedIn's real
    // limit; this one starts the client's windows afresh, as the mock's reset did for its own count.
    await h.prisma.rateWindow.deleteMany();
    // 120 applications with two notes each: more than two minutes' worth, so the limit must bite even
    // if the run straddles a minute boundary.
    const applications = Array.from({ length: 120 }, (_, i) => `M${i}`);
    for (const application of applications) await writeNotes(application, 2);
    const limits = { recordsPerMinute: RECORDS_PER_MINUTE, requestsPerDay: 100_000 };
    // Held half a second before a clock minute ends (within a minute of the database's own clock, which
    // decides what is due): the workers' reservations and LinkedIn's count see the same instant.
    heldAt = Math.floor(Date.now() / 60_000) * 60_000 + 59_500;
    const wake = await openWake(h.target);
    const stop = new AbortController();
    const summaries: Promise<WorkerSummary>[] = [0, 1].map((n) => {
      const database = n === 0 ? db() : createPrisma(h.target);
      if (n > 0) extraClients.push(database);
      return runWorker({
        db: database,
        channels: [createLinkedinNoteChannel({ db: database, limits })],
        workerId: `notes-cap-${n}`,
        now: clock,
        mode: "standalone",
        signal: stop.signal,
        wake,
        // one batch slot each: the first worker cannot claim every application alone
        concurrency: 1,
        pollMs: 250,
        log: quietLog(),
      });
    });
    const destination = `linkedin:${h.organizationId}`;
    try {
      // Until the minute's records are used and the rest waits for the next minute, nothing in flight.
      await waitUntil(
        "the minute's limit reached and the rest held",
        async () => {
          const [inFlight, held, state] = await Promise.all([
            h.prisma.delivery.count({ where: { channel: "linkedin-note", state: "in_flight" } }),
            h.prisma.delivery.count({
              where: { channel: "linkedin-note", state: "pending", lastErrorCode: MINUTE_FULL },
            }),
            h.prisma.destinationState.findUnique({ where: { destination } }),
          ]);
          return inFlight === 0 && held > 0 && (state?.blockedUntil?.getTime() ?? 0) > clockMs();
        },
        60_000,
      );
    } finally {
      stop.abort();
    }
    const [first, second] = (await Promise.all(summaries)) as [WorkerSummary, WorkerSummary];
    await wake.close();

    const perMinute = mock.recordsPerMinute();
    const received = mock.received();
    const delivered = await h.prisma.delivery.count({
      where: {
        channel: "linkedin-note",
        state: "delivered",
        payload: { path: ["atsJobApplicationId"], string_starts_with: "M" },
      },
    });
    console.info(
      `[full-stack ${kind}] LinkedIn cap ${RECORDS_PER_MINUTE}/min: records per minute ${JSON.stringify(perMinute)}; ` +
        `${received.length} requests; worker claims ${first.claimed}/${second.claimed}, delivered ${first.delivered}/${second.delivered}; ` +
        `${delivered} of 240 notes delivered, the rest held for the next minute`,
    );
    expect(first.claimed).toBeGreaterThan(0);
    expect(second.claimed).toBeGreaterThan(0);
    // LinkedIn (the mock, counting with the same limit) never had to refuse: the product held itself.
    expect(received.filter((r) => r.throttled !== null || r.httpStatus !== 200)).toEqual([]);
    for (const minute of perMinute) expect(minute.records).toBeLessThanOrEqual(RECORDS_PER_MINUTE);
    expect(perMinute.reduce((sum, m) => sum + m.records, 0)).toBe(delivered);
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(240);
    // What waits, waits for the next minute, and each note went once, in its application's order.
    const held = await h.prisma.delivery.findMany({
      where: { channel: "linkedin-note", state: "pending", lastErrorCode: MINUTE_FULL },
    });
    for (const row of held) expect(row.nextAttemptAt.getTime()).toBeGreaterThan(clockMs());
    const ids = received.flatMap((r) => r.ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of received) expect(r.ids).toEqual([...r.ids].sort());

    // One second later a new clock minute has begun, but not a new sliding one: whatever is due now is
    // held again, and LinkedIn receives nothing (a fixed clock minute would send another minute's worth
    // at once, and LinkedIn would answer 429).
    heldAt += 1_000;
    await h.prisma.delivery.updateMany({
      where: { channel: "linkedin-note", state: "pending" },
      data: { nextAttemptAt: new Date(Date.now() - 1_000) },
    });
    await h.prisma.destinationState.deleteMany();
    const crossing = await drainOnce({
      db: h.prisma,
      channels: [createLinkedinNoteChannel({ db: h.prisma, limits })],
      workerId: "notes-cap-boundary",
      now: clock,
      log: quietLog(),
    });
    expect(crossing.claimed).toBeGreaterThan(0);
    expect(crossing.delivered).toBe(0);
    expect(mock.received()).toHaveLength(received.length);
    expect(
      await h.prisma.delivery.count({
        where: { channel: "linkedin-note", state: "pending", lastErrorCode: MINUTE_FULL },
      }),
    ).toBe(240 - delivered);
  });
});
