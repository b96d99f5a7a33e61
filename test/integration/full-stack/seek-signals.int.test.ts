// Selection Signals end to end: status changes written through the real v1 route handlers, drained by
// the real engine with the product's channels (productionChannels), received over HTTP by the SEEK
// mock. What SEEK receives is checked against payloads computed here from the pipelines, not against
// what the product stored, so a wrong index, label, identifier or timestamp cannot pass.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as applyRoute } from "@/app/apply/[...path]/route";
import { type SeekMock, startSeekMock } from "@/e2e/mocks/seek/server";
import type { SignalInput } from "@/e2e/mocks/seek/signal-rules";
import { db } from "@/lib/db/client";
import { drainFor } from "@/lib/delivery/run/drain";
import { retryDeliveriesNow } from "@/lib/delivery-log/retry-deliveries-now";
import { productionChannels } from "@/lib/runtime/production-channels";
import { type ApiHarness, openApiHarness, seedPipeline } from "../../support/api-harness";
import { quietLog } from "../../support/delivery-fixtures";
import { flatPositionPipeline, twoLevelApplicationPipeline } from "../../support/fixtures";
import { api, expectedState, pointSeekAt, signalKey, tally } from "../../support/full-stack";
import { databasesUnderTest } from "../../support/test-databases";

const PROFILE_1 = "seekAnzPublicTest:positionProfile:jobAd:27cuZeA47";
const PROFILE_2A = "seekAnzPublicTest:positionProfile:jobAd:2a";
const PROFILE_2B = "seekAnzPublicTest:positionProfile:jobAd:2b";
const OPTIMISED_APPLY_ID = "seekAnzPublicTest:candidateApplicationProfile:oa1";
const DAY_MS = 86_400_000;

type Expected = { deliveryId: string; signal: SignalInput };

/** positionProfileIds follow the profiles' first-seen order, which ties for profiles stored together. */
function normalised(signal: SignalInput): SignalInput {
  return signal.positionProfileIds ? { ...signal, positionProfileIds: [...signal.positionProfileIds].sort() } : signal;
}

describe.each(databasesUnderTest())("Selection Signals from the API to SEEK on %s", (kind) => {
  let h: ApiHarness;
  let mock: SeekMock;
  let unpointSeek: () => void;
  let clock = Date.now() - 2 * DAY_MS;
  /** a fresh event time for every status change: it is also the signal's identity at the mock */
  const nextTime = () => {
    clock += 1_000;
    return new Date(clock).toISOString();
  };

  const drain = async (label: string) => {
    const started = performance.now();
    const log = quietLog();
    const summary = await drainFor(60_000, {
      db: db(),
      channels: productionChannels(db()),
      workerId: `full-stack-${label}`,
      log,
    });
    if (summary.retried > 0) {
      // None is expected here; if one happens, say why (the attempt log has SEEK's answer).
      const retried = await h.prisma.deliveryAttempt.findMany({
        where: { outcome: "retry", workerId: `full-stack-${label}` },
        select: { errorCodes: true, errorMessage: true, httpStatus: true },
        distinct: ["errorMessage"],
      });
      console.warn(`[full-stack ${kind}] ${label}: unexpected retries`, JSON.stringify(retried), log.lines);
    }
    console.info(
      `[full-stack ${kind}] ${label}: drained in ${Math.round(performance.now() - started)} ms ` +
        `(claimed ${summary.claimed}, delivered ${summary.delivered}, failed ${summary.failed}, expired ${summary.expired}, ` +
        `retried ${summary.retried}, ${summary.requests} requests)`,
    );
    return summary;
  };

  beforeAll(async () => {
    h = await openApiHarness(kind);
    mock = await startSeekMock();
    unpointSeek = pointSeekAt(mock);
    await seedPipeline(h.prisma, h.organizationId, "std", twoLevelApplicationPipeline);
    await seedPipeline(h.prisma, h.organizationId, "pos", flatPositionPipeline);
    const position = (id: string, profiles: string[]) =>
      api.putPosition(id, {
        title: `Position ${id}`,
        pipeline: "pos",
        applicationPipeline: "std",
        seekPositionProfileIds: profiles,
        applyUrl: `https://ats.example.com/jobs/${id}/apply`,
      });
    await position("P1", [PROFILE_1]);
    await position("P2", [PROFILE_2A, PROFILE_2B]);
  });
  afterAll(async () => {
    unpointSeek?.();
    await mock?.close();
    await db().$disconnect();
    await h?.close();
  });
  beforeEach(() => mock.reset());

  it("250 status changes reach SEEK exactly once each, as the seeds describe them: right identifiers, current and previous, event timestamps, ≤100 per sendSignals, a unique X-Request-Id per request recorded on every attempt", async () => {
    // Link-out applications (token from the ATS), one whose token came through the apply redirect, and
    // one Optimised Apply application.
    const tokens = new Map<string, string>();
    for (let i = 1; i <= 6; i++) {
      const token = `eyJ0b2tlbiI6${i}LinkOut-${kind}-${"x".repeat(i)}`;
      tokens.set(`L${i}`, token);
      await api.putApplication(`L${i}`, {
        positionId: "P1",
        candidate: { given: "Link", family: `Out${i}` },
        seekToken: token,
      });
    }
    // As SEEK appends it to the apply URL; the product keeps it exactly as it came (decision 0005).
    const capturedToken = `eyJjYXB0dXJlZCI6dHJ1ZX0_${kind}-Zm9v.YmFy`;
    const redirect = await applyRoute(
      new Request(`http://localhost/apply/P2?utm_source=seek&seek-token=${capturedToken}`, {
        headers: { "x-signalhouse-peer-address": kind === "pglite" ? "198.51.100.40" : "198.51.100.41" },
      }),
      { params: Promise.resolve({ path: ["P2"] }) },
    );
    expect(redirect.status).toBe(303);
    const captureId = new URL(redirect.headers.get("location")!).searchParams.get("sh_capture")!;
    tokens.set("C1", capturedToken);
    await api.putApplication("C1", { positionId: "P2", candidate: { given: "Cap", family: "Tured" }, captureId });
    await api.putApplication("OA1", {
      positionId: "P1",
      candidate: { given: "Opti", family: "Mised" },
      seekCandidateApplicationProfileId: OPTIMISED_APPLY_ID,
    });

    const expected = new Map<string, Expected>();
    const expect1 = (written: { deliveries: { id: string; channel: string }[] }, signal: SignalInput) => {
      const [delivery] = written.deliveries.filter((d) => d.channel === "seek-signal");
      expect(delivery).toBeDefined();
      expected.set(signalKey(signal), { deliveryId: delivery!.id, signal });
    };

    for (const [app, token] of tokens) {
      const at = nextTime();
      expect1(await api.complete(app, at), { typeCode: "ApplicationComplete", token, timestamp: at });
    }

    // 240 application moves round-robin over eight applications, and ten position moves.
    const apps = [...tokens.keys(), "OA1"];
    const statusKeys = twoLevelApplicationPipeline.statuses.map((s) => s.key);
    const last = new Map<string, { key: string; at: string }>();
    for (let n = 0; n < 240; n++) {
      const app = apps[n % apps.length]!;
      const step = Math.floor(n / apps.length);
      const key = statusKeys[(apps.indexOf(app) + step) % statusKeys.length]!;
      const at = nextTime();
      const previous = last.get(app);
      const token = tokens.get(app);
      const profiles = app === "C1" ? [PROFILE_2A, PROFILE_2B] : [PROFILE_1];
      expect1(await api.moveApplication(app, key, at), {
        typeCode: "ApplicationStatusUpdate",
        ...(token ? { token, positionProfileIds: profiles } : { candidateApplicationProfileId: OPTIMISED_APPLY_ID }),
        current: expectedState(twoLevelApplicationPipeline, key, at),
        ...(previous ? { previous: expectedState(twoLevelApplicationPipeline, previous.key, previous.at) } : {}),
      });
      last.set(app, { key, at });
    }
    const positionKeys = flatPositionPipeline.statuses.map((s) => s.key);
    for (let n = 0; n < 10; n++) {
      const position = n % 2 === 0 ? "P1" : "P2";
      const key = positionKeys[Math.floor(n / 2) % positionKeys.length]!;
      const at = nextTime();
      const previous = last.get(position);
      expect1(await api.movePosition(position, key, at), {
        typeCode: "PositionStatusUpdate",
        positionProfileIds: position === "P1" ? [PROFILE_1] : [PROFILE_2A, PROFILE_2B],
        current: expectedState(flatPositionPipeline, key, at),
        ...(previous ? { previous: expectedState(flatPositionPipeline, previous.key, previous.at) } : {}),
      });
      last.set(position, { key, at });
    }
    expect(expected.size).toBe(257);
    expect(mock.received()).toEqual([]); // nothing goes out until a worker drains

    const summary = await drain("250 status changes");
    expect(summary.delivered).toBe(257);

    // Every signal arrived exactly once, exactly as SEEK documents it.
    const arrived = mock.acceptedSignals();
    expect([...tally(arrived.map(signalKey)).values()].every((n) => n === 1)).toBe(true);
    const byKey = new Map(arrived.map((s) => [signalKey(s), s]));
    expect([...byKey.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, { signal }] of expected) expect(normalised(byKey.get(key)!), key).toEqual(normalised(signal));

    // Batching: sendSignals of at most 100, at least three requests, every one accepted at once.
    const requests = mock.received();
    const sizes = requests.map((r) => r.acceptedSignals.length);
    console.info(`[full-stack ${kind}] sendSignal(s) requests: ${requests.length}, sizes ${sizes.join("/")}`);
    expect(requests.length).toBeGreaterThanOrEqual(3);
    expect(requests.every((r) => r.httpStatus === 200 && r.errorCodes.length === 0)).toBe(true);
    for (const r of requests) {
      expect(r.field).toBe(r.acceptedSignals.length === 1 ? "sendSignal" : "sendSignals");
      expect(r.acceptedSignals.length).toBeLessThanOrEqual(100);
    }
    expect(arrived.filter((s) => s.typeCode === "ApplicationComplete")).toHaveLength(7);

    // X-Request-Id: a UUID per request, never reused, and recorded on the attempt of every delivery it carried.
    const requestIds = requests.map((r) => r.requestId);
    expect(new Set(requestIds).size).toBe(requests.length);
    const attempts = await h.prisma.deliveryAttempt.findMany({
      where: { delivery: { channel: "seek-signal" } },
      include: { request: true },
    });
    expect(attempts).toHaveLength(257);
    const attemptOf = new Map(attempts.map((a) => [a.deliveryId, a]));
    for (const r of requests) {
      for (const signal of r.acceptedSignals) {
        const attempt = attemptOf.get(expected.get(signalKey(signal))!.deliveryId);
        expect(attempt).toMatchObject({
          requestId: r.requestId,
          outcome: "delivered",
          httpStatus: 200,
          batchSize: r.acceptedSignals.length,
        });
      }
    }
    const rows = await h.prisma.delivery.findMany({ where: { channel: "seek-signal" } });
    expect(rows.every((row) => row.state === "delivered" && row.attempts === 1)).toBe(true);
    // the seek-tokens never reach the attempt log in full
    const logged = attempts.map((a) => a.request?.requestBody ?? "").join("\n");
    for (const token of tokens.values()) expect(logged).not.toContain(token);
  });

  it("one bad token in a batch of 100: 99 delivered, the one failed with SEEK's message and never retried, until the ATS replaces the token and an admin retries it", async () => {
    // Ten applications: one with a token SEEK will not recognise moves once, the nine others 11 times each.
    const badToken = `bad-token-${kind}`;
    const statusKeys = twoLevelApplicationPipeline.statuses.map((s) => s.key);
    const ids = new Map<string, string>();
    for (let b = 0; b < 10; b++) {
      const token = b === 3 ? badToken : `good-token-${kind}-${b}`;
      await api.putApplication(`B${b}`, {
        positionId: "P1",
        candidate: { given: "Batch", family: `${b}` },
        seekToken: token,
      });
    }
    for (let k = 0; k < 11; k++) {
      for (let b = 0; b < 10; b++) {
        if (b === 3 && k > 0) continue;
        const written = await api.moveApplication(`B${b}`, statusKeys[k % statusKeys.length]!, nextTime());
        ids.set(written.deliveries[0]!.id, `B${b}`);
      }
    }
    expect(ids.size).toBe(100);
    const badId = [...ids].find(([, app]) => app === "B3")![0];
    mock.setBadTokens([badToken]);

    await drain("batch of 100 with one bad token");
    const [rejected, resent, ...more] = mock.received();
    expect(more).toEqual([]);
    expect(rejected).toMatchObject({ field: "sendSignals", errorCodes: ["BAD_USER_INPUT"], acceptedSignals: [] });
    expect((rejected!.variables as { input: { signals: unknown[] } }).input.signals).toHaveLength(100);
    expect(resent!.acceptedSignals).toHaveLength(99);
    expect(resent!.acceptedSignals.map((s) => s.token)).not.toContain(badToken);
    expect(resent!.requestId).not.toBe(rejected!.requestId);

    const position = (rejected!.variables as { input: { signals: { token: string }[] } }).input.signals.findIndex(
      (s) => s.token === badToken,
    );
    const failed = await h.prisma.delivery.findUniqueOrThrow({ where: { id: badId } });
    expect(failed).toMatchObject({
      state: "failed",
      attempts: 1,
      lastErrorCode: "BAD_USER_INPUT",
      lastError: `/input/signals/${position}/token: Is not valid`,
    });
    const others = await h.prisma.delivery.findMany({
      where: { id: { in: [...ids.keys()].filter((id) => id !== badId) } },
    });
    expect(others.map((r) => r.state)).toEqual(Array(99).fill("delivered"));

    // Further drains leave it alone: failed is final, SEEK is not asked again.
    await drain("after the failure");
    await drain("after the failure, again");
    expect(mock.received()).toHaveLength(2);
    expect(await h.prisma.delivery.findUniqueOrThrow({ where: { id: badId } })).toMatchObject({
      state: "failed",
      attempts: 1,
    });
    const failedAttempts = await h.prisma.deliveryAttempt.findMany({ where: { deliveryId: badId } });
    expect(failedAttempts.map((a) => [a.outcome, a.requestId])).toEqual([["failed", rejected!.requestId]]);

    // The fix an admin is led to: the ATS replaces the token through the API, which re-points the failed
    // signal (not the delivered ones); a retry then delivers it with the new token, once.
    const fixedToken = `fixed-token-${kind}`;
    await api.putApplication("B3", {
      positionId: "P1",
      candidate: { given: "Batch", family: "3" },
      seekToken: fixedToken,
    });
    const repointed = await h.prisma.delivery.findUniqueOrThrow({ where: { id: badId } });
    expect(repointed).toMatchObject({ state: "failed", tokenPrefix: fixedToken.slice(0, 8) });
    expect((repointed.payload as { token: string }).token).toBe(fixedToken);
    const b3 = await h.prisma.application.findFirstOrThrow({ where: { externalId: "B3" } });
    const event = await h.prisma.event.findFirstOrThrow({
      where: { type: "ApplicationUpdated", applicationId: b3.id },
      orderBy: { recordedAt: "desc" },
    });
    expect(event.data).toMatchObject({ repointedDeliveries: [badId] });
    expect(await h.prisma.delivery.count({ where: { tokenPrefix: fixedToken.slice(0, 8) } })).toBe(1);

    const retried = await retryDeliveriesNow(
      db(),
      { kind: "all", actor: "user:test-admin", actorUserId: "test-admin" },
      { deliveryIds: [badId] },
    );
    expect(retried).toEqual({ changed: [badId], refused: [] });
    await drain("after the token was replaced");
    const [, , third, ...none] = mock.received();
    expect(none).toEqual([]);
    expect(third!.acceptedSignals.map((signal) => signal.token)).toEqual([fixedToken]);
    expect(await h.prisma.delivery.findUniqueOrThrow({ where: { id: badId } })).toMatchObject({
      state: "delivered",
      attempts: 2,
    });
  });

  it("a token captured 181 days before the event is never sent: expired at once, and SEEK receives nothing for it", async () => {
    const position = await h.prisma.position.findFirstOrThrow({ where: { externalId: "P1" } });
    const capture = async (id: string, token: string, ageMs: number) => {
      await h.prisma.seekTokenCapture.create({
        data: {
          id,
          organizationId: h.organizationId,
          positionId: position.id,
          token,
          capturedAt: new Date(Date.now() - ageMs),
          source: "redirect",
        },
      });
      await api.putApplication(id, { positionId: "P1", candidate: { given: "Old", family: "Token" }, captureId: id });
    };
    await capture("cap_181", `token-181-days-${kind}`, 181 * DAY_MS);
    const old = await api.moveApplication("cap_181", "new", nextTime());
    expect(old.deliveries).toEqual([{ id: expect.any(String), channel: "seek-signal", state: "expired" }]);

    // A token that was still valid when the change was queued but expires before a worker gets to it is
    // caught by the engine before sending.
    const lifeLeftMs = 1_500;
    await capture("cap_edge", `token-expiring-while-queued-${kind}`, 180 * DAY_MS - lifeLeftMs);
    const edge = await api.moveApplication("cap_edge", "new", nextTime());
    expect(edge.deliveries).toEqual([{ id: expect.any(String), channel: "seek-signal", state: "pending" }]);
    const queued = await h.prisma.delivery.findUniqueOrThrow({ where: { id: edge.deliveries[0]!.id } });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, queued.expiresAt!.getTime() - Date.now() + 50)));

    await drain("expired identifiers");
    expect(mock.received()).toEqual([]);
    const rows = await h.prisma.delivery.findMany({
      where: { id: { in: [old.deliveries[0]!.id, edge.deliveries[0]!.id] } },
      orderBy: { seq: "asc" },
    });
    expect(rows.map((r) => [r.state, r.lastErrorCode, r.deliveredAt])).toEqual([
      ["expired", "IDENTIFIER_EXPIRED", null],
      ["expired", "IDENTIFIER_EXPIRED", null],
    ]);
    expect(await h.prisma.deliveryAttempt.count({ where: { deliveryId: { in: rows.map((r) => r.id) } } })).toBe(0);
  });
});
