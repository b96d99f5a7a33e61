// LinkedIn's records-per-minute limit held by two workers together: two channel instances, each with its
// own database connection, drain more notes than a minute allows, and the LinkedIn mock (which answers
// 429 past the limit, as LinkedIn does) counts what arrived in each clock minute. The limit is injected
// smaller than LinkedIn's 10,000 and the clock is simulated, so the run takes seconds, not minutes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LinkedinMock, startLinkedinMock } from "@/e2e/mocks/linkedin/server";
import { createPrisma, type Db } from "@/lib/db/client";
import type { Channel, ClaimedDelivery } from "@/lib/delivery/channel";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { configuredOrganization, mockSettings, sendContext, upsertRow } from "./channel.test-support";
import { createLinkedinNoteChannel } from "./linkedin-note-channel";
import { MINUTE_FULL } from "./throttle";

const RECORDS_PER_MINUTE = 300;
const APPLICATIONS = 13;
const NOTES_PER_APPLICATION = 100;

let clock = Date.parse("2026-11-23T10:00:05.000Z");
const now = () => new Date(clock);
const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

/**
 * A stand-in for the delivery engine: rows of one application are handed out in order and to one worker
 * at a time, a retry waits for its notBefore, and the simulated clock only moves on when no request is
 * in flight and nothing is due (so no request straddles a minute boundary).
 */
function createQueue(rows: ClaimedDelivery[]) {
  const byApplication = new Map<string, { rows: ClaimedDelivery[]; notBefore: number; busy: boolean }>();
  for (const r of rows) {
    const app = (r.payload as { atsJobApplicationId: string }).atsJobApplicationId;
    const entry = byApplication.get(app) ?? { rows: [], notBefore: 0, busy: false };
    entry.rows.push(r);
    byApplication.set(app, entry);
  }
  let inFlight = 0;
  const codes: string[] = [];
  return {
    codes,
    done: () => [...byApplication.values()].every((e) => e.rows.length === 0),
    async work(channel: Channel, workerId: string): Promise<number> {
      let sent = 0;
      while (![...byApplication.values()].every((e) => e.rows.length === 0)) {
        const due = [...byApplication.values()].filter((e) => !e.busy && e.rows.length > 0 && e.notBefore <= clock);
        if (due.length === 0) {
          const waiting = [...byApplication.values()].filter((e) => e.rows.length > 0 && !e.busy);
          if (inFlight === 0 && waiting.length > 0)
            clock = Math.max(clock, Math.min(...waiting.map((e) => e.notBefore)));
          await tick();
          continue;
        }
        const batch: ClaimedDelivery[] = [];
        const taken: typeof due = [];
        for (const entry of due) {
          if (batch.length >= channel.maxBatch) break;
          entry.busy = true;
          taken.push(entry);
          batch.push(...entry.rows.slice(0, channel.maxBatch - batch.length));
        }
        inFlight += 1;
        const result = await channel.send(batch, sendContext(now, workerId));
        inFlight -= 1;
        sent += 1;
        for (const entry of taken) {
          entry.busy = false;
          for (const r of [...entry.rows]) {
            const outcome = result.outcomes.get(r.id);
            if (!outcome) continue;
            if (outcome.kind === "delivered") entry.rows.splice(entry.rows.indexOf(r), 1);
            else if (outcome.kind === "retry") {
              codes.push(outcome.code);
              entry.notBefore = Math.max(entry.notBefore, outcome.notBefore?.getTime() ?? clock + 1_000);
            } else throw new Error(`unexpected ${outcome.kind} for ${r.id}`);
          }
        }
      }
      return sent;
    },
  };
}

describe.each(databasesUnderTest())("LinkedIn per-minute limit across workers on %s", (kind) => {
  let t: TestDatabase;
  let otherDb: Db;
  let mock: LinkedinMock;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    otherDb = createPrisma(t.target);
    mock = await startLinkedinMock({ now: () => clock, limits: { recordsPerMinute: RECORDS_PER_MINUTE } });
  });
  afterAll(async () => {
    await mock?.close();
    await otherDb?.$disconnect();
    await t?.close();
  });

  it("never lets LinkedIn see more records in a minute than the limit, while two workers send more than a minute allows", async () => {
    const orgId = await configuredOrganization(t.prisma, "acme", mock.customer);
    const rows = Array.from({ length: APPLICATIONS }, (_, a) =>
      Array.from({ length: a === APPLICATIONS - 1 ? 50 : NOTES_PER_APPLICATION }, (_, n) =>
        upsertRow(orgId, `APP-${a}`, `N${n}`),
      ),
    ).flat();
    const total = rows.length;
    expect(total).toBeGreaterThan(3 * RECORDS_PER_MINUTE);
    const limits = { recordsPerMinute: RECORDS_PER_MINUTE, requestsPerDay: 100_000 };
    const settings = () => mockSettings(mock);
    const workerA = createLinkedinNoteChannel({ db: t.prisma, settings, limits });
    const workerB = createLinkedinNoteChannel({ db: otherDb, settings, limits });

    const queue = createQueue(rows);
    const [sentA, sentB] = await Promise.all([queue.work(workerA, "worker-a"), queue.work(workerB, "worker-b")]);

    expect(queue.done()).toBe(true);
    expect(sentA).toBeGreaterThan(0);
    expect(sentB).toBeGreaterThan(0);
    // the throttle, not luck, kept them under: some sends were told to wait for the next minute
    expect(queue.codes).toContain(MINUTE_FULL);
    const received = mock.received();
    expect(received.filter((r) => r.throttled !== null || r.httpStatus !== 200)).toEqual([]);
    const perMinute = mock.recordsPerMinute();
    expect(perMinute.length).toBeGreaterThanOrEqual(Math.ceil(total / RECORDS_PER_MINUTE));
    for (const minute of perMinute) expect(minute.records).toBeLessThanOrEqual(RECORDS_PER_MINUTE);
    expect(perMinute.reduce((sum, m) => sum + m.records, 0)).toBe(total);
    // and each application's notes arrived once each, in the order they were written
    for (let a = 0; a < APPLICATIONS; a++) {
      const ids = received.filter((r) => r.atsJobApplicationId === `APP-${a}`).flatMap((r) => r.ids);
      const expected = rows.filter(
        (r) => (r.payload as { atsJobApplicationId: string }).atsJobApplicationId === `APP-${a}`,
      );
      expect(ids).toEqual(expected.map((r) => (r.payload as { noteId: string }).noteId));
    }
  });
});
