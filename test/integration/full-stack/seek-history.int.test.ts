// SEEK candidate process history end to end: items written through the v1 API, sent by the real engine
// and seek-history channel, stored by the SEEK mock. Seed 003: SEEK's ids are kept for later updates
// and deletes, a repeated idempotencyId is a Conflict (the item already exists), operations on one
// item arrive in the order they were made, and every history delivery carries its 60-second deadline.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { postGraphql } from "@/e2e/mocks/seek/raw-client.test-support";
import { type SeekMock, startSeekMock } from "@/e2e/mocks/seek/server";
import { createPrisma, type Db, db } from "@/lib/db/client";
import { drainFor, runWorker } from "@/lib/delivery/run/drain";
import { openWake } from "@/lib/delivery/run/wake";
import { HISTORY_DEADLINE_MS } from "@/lib/history/build-history-item";
import { productionChannels } from "@/lib/runtime/production-channels";
import { type ApiHarness, openApiHarness } from "../../support/api-harness";
import { quietLog, waitUntil } from "../../support/delivery-fixtures";
import { api, inParallel, percentile, pointSeekAt } from "../../support/full-stack";
import { databasesUnderTest } from "../../support/test-databases";

const PROFILE = "seekAnzPublicTest:positionProfile:jobAd:27cuZeA47";
const profileOf = (candidate: string) => `seekAnzPublicTest:candidateProfile:${candidate}`;

const note = (name: string) => ({
  action: { code: "Note", name, description: "Candidate not currently looking for work." },
  actionDate: "2026-11-20T09:00:00.000Z",
});
const offer = (name: string) => ({
  action: { code: "CandidateWorkflowTransition", name, description: "Progressed to offer stage" },
  actionDate: "2026-11-21T12:31:43.185Z",
  positionId: "P1",
  seekSource: "Recruitment Agency",
  status: "Offer",
});

type Vars = {
  input: { candidateProcessHistoryItem: { id?: string; idempotencyId?: string; action?: { name: string } } };
};
const itemOf = (variables: unknown) => (variables as Vars).input.candidateProcessHistoryItem;

describe.each(databasesUnderTest())("SEEK process history from the API to SEEK on %s", (kind) => {
  let h: ApiHarness;
  let mock: SeekMock;
  let unpointSeek: () => void;
  const extraClients: Db[] = [];

  /** a separate client per extra worker on PostgreSQL (real concurrency); PGlite has one connection anyway */
  const workerDb = (n: number): Db => {
    if (n === 0) return db();
    const client = createPrisma(h.target);
    extraClients.push(client);
    return client;
  };
  const drain = (label: string, n = 0, database = db(), concurrency = 4) =>
    drainFor(60_000, {
      db: database,
      channels: productionChannels(database),
      workerId: `history-${label}-${n}`,
      concurrency,
      log: quietLog(),
    });

  beforeAll(async () => {
    h = await openApiHarness(kind);
    mock = await startSeekMock();
    unpointSeek = pointSeekAt(mock);
    await api.putPosition("P1", {
      title: "Chef",
      seekPositionProfileIds: [PROFILE],
      applyUrl: "https://ats.example.com/jobs/P1/apply",
    });
    for (let c = 0; c < 50; c++) {
      await api.putCandidate(`C${c}`, {
        seekCandidateProfileId: profileOf(`C${c}-${kind}`),
        name: { given: "Hayden", family: `Robinson${c}` },
      });
    }
  });
  afterAll(async () => {
    unpointSeek?.();
    await mock?.close();
    for (const client of extraClients) await client.$disconnect();
    await db().$disconnect();
    await h?.close();
  });
  beforeEach(() => mock.reset());

  it("a delivered create keeps SEEK's item id on CandidateHistoryItem.seekItemId", async () => {
    await api.putHistory("C0", "created-1", offer("Initial offer"));
    await drain("create");
    const [stored, ...others] = mock.historyItems();
    expect(others).toEqual([]);
    expect(stored).toMatchObject({
      idempotencyId: "created-1",
      profileId: profileOf(`C0-${kind}`),
      action: { code: "CandidateWorkflowTransition", name: "Initial offer" },
      positionProfile: { profileId: PROFILE },
      seekSource: { name: "Recruitment Agency" },
      status: { code: "Offer" },
    });
    const item = await h.prisma.candidateHistoryItem.findFirstOrThrow({ where: { idempotencyId: "created-1" } });
    expect(item.seekItemId).toBe(stored!.id);
  });

  it("a create whose idempotencyId SEEK already has is a Conflict: delivered, SEEK's item left as it was, its id kept", async () => {
    const seeded = await postGraphql(mock, {
      query: `mutation ($input: CreateCandidateProcessHistoryItemInput!) {
        createCandidateProcessHistoryItem(input: $input) {
          ... on CreateCandidateProcessHistoryItemPayload_Success { candidateProcessHistoryItem { id { value } } }
        }
      }`,
      variables: {
        input: {
          candidateProfile: { profileId: profileOf(`C1-${kind}`) },
          candidateProcessHistoryItem: {
            idempotencyId: "already-at-seek",
            action: { code: "Note", name: "Written before" },
            actionDate: "2026-11-01T00:00:00.000Z",
            primaryParties: [
              {
                person: {
                  name: { formattedName: "Hayden R", given: "Hayden", family: "Robinson1" },
                  communication: { email: [], phone: [] },
                },
              },
            ],
          },
        },
      },
    });
    const existingId = (seeded.json.data as any).createCandidateProcessHistoryItem.candidateProcessHistoryItem.id.value;
    const written = await api.putHistory("C1", "already-at-seek", note("Written again"));
    await drain("conflict");

    const creates = mock.received().filter((r) => r.field === "createCandidateProcessHistoryItem");
    expect(creates.map((r) => r.httpStatus)).toEqual([200, 200]);
    expect(mock.historyItems()).toEqual([
      expect.objectContaining({ id: existingId, action: { code: "Note", name: "Written before" } }),
    ]);
    expect(await h.prisma.delivery.findUniqueOrThrow({ where: { id: written.deliveries[0]!.id } })).toMatchObject({
      state: "delivered",
      attempts: 1,
    });
    const item = await h.prisma.candidateHistoryItem.findFirstOrThrow({ where: { idempotencyId: "already-at-seek" } });
    expect(item.seekItemId).toBe(existingId);
  });

  it("updates and the delete after a delivered create reach SEEK in the order they were made, with three workers draining at once", async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ candidate: `C${10 + (i % 10)}`, id: `ordered-${i}` }));
    for (const { candidate, id } of items) await api.putHistory(candidate, id, offer(`${id} v1`));
    await drain("ordered creates");
    expect(mock.historyItems()).toHaveLength(30);
    const createRequests = mock.received().length;
    for (const { candidate, id } of items) {
      await api.putHistory(candidate, id, offer(`${id} v2`));
      await api.putHistory(candidate, id, offer(`${id} v3`));
      await api.deleteHistory(candidate, id);
    }

    const started = performance.now();
    // One batch slot each (10 items), so no worker can take every item's next row alone.
    const summaries = await Promise.all([0, 1, 2].map((n) => drain("ordered", n, workerDb(n), 1)));
    const drainMs = Math.round(performance.now() - started);
    expect(mock.historyItems()).toEqual([]);

    const seekIds = new Map(
      (await h.prisma.candidateHistoryItem.findMany({ where: { idempotencyId: { startsWith: "ordered-" } } })).map(
        (i) => [i.seekItemId, i.idempotencyId],
      ),
    );
    const seen = new Map<string, string[]>();
    for (const r of mock.received().slice(createRequests)) {
      expect(r.httpStatus).toBe(200);
      const id = seekIds.get(itemOf(r.variables).id ?? "");
      expect(id).toBeDefined();
      const step = r.field === "deleteCandidateProcessHistoryItem" ? "delete" : itemOf(r.variables).action!.name;
      seen.set(id!, [...(seen.get(id!) ?? []), step]);
    }
    for (const { id } of items) expect(seen.get(id), id).toEqual([`${id} v2`, `${id} v3`, "delete"]);
    const rows = await h.prisma.delivery.findMany({ where: { orderingKey: { contains: ":ordered-" } } });
    expect(rows.every((r) => r.state === "delivered" && r.attempts === 1)).toBe(true);
    const byWorker = await h.prisma.deliveryAttempt.groupBy({
      by: ["workerId"],
      where: { workerId: { startsWith: "history-ordered-" } },
      _count: { _all: true },
    });
    console.info(
      `[full-stack ${kind}] history order: 90 updates/deletes of 30 items by 3 workers in ${drainMs} ms ` +
        `(${byWorker.map((w) => `${w.workerId} ${w._count._all}`).join(", ")}; delivered ${summaries.map((s) => s.delivered).join("/")})`,
    );
  });

  it("a delete of an item whose create was never sent cancels both: SEEK receives nothing", async () => {
    const created = await api.putHistory("C2", "never-sent", note("Oops"));
    const deleted = await api.deleteHistory("C2", "never-sent");
    expect(deleted.deliveries).toEqual([]);
    await drain("cancelled");
    expect(mock.received()).toEqual([]);
    expect(await h.prisma.delivery.findUniqueOrThrow({ where: { id: created.deliveries[0]!.id } })).toMatchObject({
      state: "cancelled",
      lastErrorCode: "CANCELLED_OUT",
      attempts: 0,
    });
  });

  // How fast against SEEK's 60 s is a measurement (`npm run bench`, "SEEK history items queued at once"),
  // not an assertion here: this checks that every item arrives once, each with its deadline, and reports
  // the latencies it saw.
  it("1,000 history items written at once all reach SEEK, each due 60 s after it was written", async () => {
    const wake = await openWake(h.target);
    const stop = new AbortController();
    // Three workers on PostgreSQL; on PGlite (one connection in one process) the product runs one inline
    // worker, and more would only queue on the same connection.
    const workers = (kind === "postgres" ? [0, 1, 2] : [0]).map((n) => {
      const database = workerDb(n);
      return runWorker({
        db: database,
        channels: productionChannels(database),
        workerId: `history-deadline-${n}`,
        mode: "standalone",
        signal: stop.signal,
        wake,
        pollMs: 1_000,
        log: quietLog(),
      });
    });
    const ids = Array.from({ length: 1_000 }, (_, i) => ({ candidate: `C${20 + (i % 30)}`, id: `burst-${i}` }));
    const started = performance.now();
    let enqueueMs = 0;
    try {
      // Eight ATS connections writing as fast as the API takes them.
      await inParallel(ids, 8, async ({ candidate, id }) => {
        await api.putHistory(candidate, id, id.endsWith("0") ? offer(id) : note(id));
      });
      enqueueMs = Math.round(performance.now() - started);
      await waitUntil(
        "1,000 items at SEEK",
        async () =>
          (await h.prisma.delivery.count({
            where: { state: "delivered", orderingKey: { contains: ":burst-" } },
          })) === 1_000,
        120_000,
      );
    } finally {
      stop.abort();
      await Promise.all(workers);
      await wake.close();
    }
    const totalMs = Math.round(performance.now() - started);

    const firstReceipt = new Map<string, number>();
    for (const r of mock.received()) {
      const id = itemOf(r.variables).idempotencyId;
      if (r.httpStatus === 200 && r.errorCodes.length === 0 && id && !firstReceipt.has(id))
        firstReceipt.set(id, Date.parse(r.at));
    }
    const rows = await h.prisma.delivery.findMany({
      where: { orderingKey: { contains: ":burst-" } },
      select: { dueBy: true, createdAt: true, payload: true },
    });
    expect(rows).toHaveLength(1_000);
    const latencies: number[] = [];
    let late = 0;
    for (const row of rows) {
      const id = (row.payload as { idempotencyId: string }).idempotencyId;
      const receivedAt = firstReceipt.get(id);
      expect(receivedAt, id).toBeDefined();
      // due 60 s after the write: the request's clock set dueBy, the row's insert a moment later
      const writtenAt = row.dueBy!.getTime() - HISTORY_DEADLINE_MS;
      expect(row.createdAt.getTime() - writtenAt).toBeGreaterThanOrEqual(0);
      expect(row.createdAt.getTime() - writtenAt).toBeLessThan(5_000);
      latencies.push(receivedAt! - writtenAt);
      if (receivedAt! > row.dueBy!.getTime()) late++;
    }
    console.info(
      `[full-stack ${kind}] history deadline: 1,000 items written in ${enqueueMs} ms, all at SEEK after ${totalMs} ms; ` +
        `write→SEEK p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${Math.max(...latencies)} ms; ` +
        `${late} past their 60 s deadline`,
    );
    expect(mock.historyItems().filter((i) => i.idempotencyId.startsWith("burst-"))).toHaveLength(1_000);
  });
});
