// Selection Signals through a misbehaving SEEK: the mock answers 5xx, 429 with Retry-After, hangs,
// drops answers after accepting, and expires every partner token halfway through, while the ATS keeps
// writing status changes through the v1 API and a worker sends them as they commit. The product's own
// SEEK channel is used, built as seekChannelsFromEnv builds it but with a short request timeout and
// short back-offs, so a hang costs a second instead of ten.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeekMock, startSeekMock } from "@/e2e/mocks/seek/server";
import { db } from "@/lib/db/client";
import { runWorker } from "@/lib/delivery/run/drain";
import { openWake } from "@/lib/delivery/run/wake";
import { env } from "@/lib/env";
import { partnerTokenSourceFromEnv } from "@/lib/seek/partner-token";
import { createSeekClient } from "@/lib/seek/seek-graphql-client";
import { createSeekSignalChannel } from "@/lib/seek/seek-signal-channel";
import { type ApiHarness, openApiHarness, seedPipeline } from "../../support/api-harness";
import { quietLog, waitUntil } from "../../support/delivery-fixtures";
import { twoLevelApplicationPipeline } from "../../support/fixtures";
import { api, pointSeekAt, signalKey, tally } from "../../support/full-stack";
import { databasesUnderTest } from "../../support/test-databases";

const PROFILE = "seekAnzPublicTest:positionProfile:jobAd:27cuZeA47";
const RETRY_AFTER_SECONDS = 1;
const REQUEST_TIMEOUT_MS = 1_000;

describe.each(databasesUnderTest())("Selection Signals through SEEK faults on %s", (kind) => {
  let h: ApiHarness;
  let mock: SeekMock;
  let unpointSeek: () => void;

  beforeAll(async () => {
    h = await openApiHarness(kind);
    mock = await startSeekMock({ seed: 7 });
    unpointSeek = pointSeekAt(mock);
    await seedPipeline(h.prisma, h.organizationId, "std", twoLevelApplicationPipeline);
    await api.putPosition("P1", {
      title: "Barista",
      applicationPipeline: "std",
      seekPositionProfileIds: [PROFILE],
      applyUrl: "https://ats.example.com/jobs/P1/apply",
    });
  });
  afterAll(async () => {
    unpointSeek?.();
    await mock?.close();
    await db().$disconnect();
    await h?.close();
  });

  it("every signal arrives through 5xx, 429 + Retry-After, timeouts and a mid-run token expiry; a 429'd delivery is never retried before its Retry-After; a signal reaches SEEK twice only when SEEK's answer to it was lost", async () => {
    const apps = Array.from({ length: 9 }, (_, i) => `F${i}`);
    for (const [i, app] of apps.entries()) {
      await api.putApplication(app, {
        positionId: "P1",
        candidate: { given: "Fault", family: `${i}` },
        ...(i === 0
          ? { seekCandidateApplicationProfileId: `seekAnzPublicTest:candidateApplicationProfile:f-${kind}` }
          : { seekToken: `fault-token-${kind}-${i}` }),
      });
    }
    mock.setFaults({
      http5xx: 0.1,
      rateLimited: 0.05,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      hang: 0.02,
      lostAfterAcceptance: 0.03,
      // each kind at least once, whatever the draw
      queue: ["rateLimited", "http5xx", "hang", "lostAfterAcceptance"],
    });

    const channel = createSeekSignalChannel({
      client: createSeekClient({ url: env().SEEK_GRAPHQL_URL, timeoutMs: REQUEST_TIMEOUT_MS }),
      tokens: partnerTokenSourceFromEnv(db()),
      maxSendMs: 20_000,
      unhealthyBackoffMs: 300,
      rateLimitBackoffMs: 1_000,
    });
    const wake = await openWake(h.target);
    const stop = new AbortController();
    const log = quietLog();
    const worker = runWorker({
      db: db(),
      channels: [channel],
      workerId: `faults-${kind}`,
      mode: "standalone",
      signal: stop.signal,
      wake,
      pollMs: 250,
      log,
    });

    // The ATS writes while the worker sends: many small requests, so the fault rates actually bite.
    const started = performance.now();
    const statusKeys = twoLevelApplicationPipeline.statuses.map((s) => s.key);
    const sent = new Set<string>();
    let clock = Date.now() - 86_400_000;
    try {
      for (let n = 0; n < 250; n++) {
        if (n === 125) mock.expireTokens();
        const app = apps[n % apps.length]!;
        const status = statusKeys[(apps.indexOf(app) + Math.floor(n / apps.length)) % statusKeys.length]!;
        clock += 1_000;
        const at = new Date(clock).toISOString();
        await api.moveApplication(app, status, at);
        sent.add(signalKey({ typeCode: "ApplicationStatusUpdate", current: { timestamp: at } }));
      }
      await waitUntil(
        "every signal delivered",
        async () => (await h.prisma.delivery.count({ where: { state: "delivered" } })) === 250,
        100_000,
      );
    } finally {
      stop.abort();
      await worker;
      await wake.close();
    }
    const elapsedMs = Math.round(performance.now() - started);
    const received = mock.received();
    const attempts = await h.prisma.deliveryAttempt.findMany({ orderBy: { startedAt: "asc" } });
    const attemptsByRequest = new Map<string, typeof attempts>();
    for (const a of attempts) attemptsByRequest.set(a.requestId, [...(attemptsByRequest.get(a.requestId) ?? []), a]);

    // Every signal arrived.
    const arrivals = tally(mock.acceptedSignals().map(signalKey));
    expect([...arrivals.keys()].sort()).toEqual([...sent].sort());
    expect(await h.prisma.delivery.count({ where: { state: { not: "delivered" } } })).toBe(0);

    // A lost answer: SEEK accepted the request, but the product never learnt it (the mock dropped the
    // connection, or the answer came after our timeout). Those signals are retried, as SEEK asks, and
    // may arrive twice; no other signal may.
    const lost = received.filter(
      (r) =>
        r.acceptedSignals.length > 0 &&
        (r.fault === "lostAfterAcceptance" ||
          !attemptsByRequest.get(r.requestId!)?.every((a) => a.outcome === "delivered")),
    );
    const lostSignals = lost.flatMap((r) => r.acceptedSignals.map(signalKey));
    const duplicated = [...arrivals].filter(([, n]) => n > 1);
    const extraArrivals = duplicated.reduce((sum, [, n]) => sum + n - 1, 0);
    expect(duplicated.map(([key]) => key).filter((key) => !lostSignals.includes(key))).toEqual([]);
    expect(extraArrivals).toBeLessThanOrEqual(lostSignals.length);

    // Each fault happened, and was answered the way the seeds ask.
    const faults = tally(
      received.map((r) => r.fault ?? (r.errorCodes.includes("UNAUTHENTICATED") ? "unauthenticated" : "ok")),
    );
    expect(faults.get("rateLimited")).toBeGreaterThan(0);
    expect(faults.get("http5xx")).toBeGreaterThan(0);
    expect(faults.get("hang")).toBeGreaterThan(0);
    expect(faults.get("lostAfterAcceptance")).toBeGreaterThan(0);
    expect(faults.get("unauthenticated")).toBeGreaterThan(0); // the expired partner token
    expect(mock.tokenRequests()).toBeGreaterThanOrEqual(2);
    expect(attempts.some((a) => a.errorCodes.includes("TIMEOUT"))).toBe(true);

    // Retry-After: no delivery that got a 429 was tried again before the time SEEK gave.
    const rateLimited = attempts.filter((a) => a.httpStatus === 429);
    expect(rateLimited.length).toBeGreaterThan(0);
    for (const limited of rateLimited) {
      const next = attempts.find((a) => a.deliveryId === limited.deliveryId && a.startedAt > limited.startedAt);
      expect(next, `delivery ${limited.deliveryId} was retried`).toBeDefined();
      const earliest = limited.startedAt.getTime() + limited.durationMs + RETRY_AFTER_SECONDS * 1000;
      // 2 ms: durations are rounded to whole milliseconds
      expect(next!.startedAt.getTime()).toBeGreaterThanOrEqual(earliest - 2);
    }
    // Attempts name the X-Request-Id of the request that carried them.
    const sentIds = new Set(received.map((r) => r.requestId));
    expect(attempts.filter((a) => !sentIds.has(a.requestId) && !a.requestId.startsWith("engine-"))).toEqual([]);

    const signalsPerDelivery = [...arrivals.values()];
    console.info(
      `[full-stack ${kind}] faults: 250 signals delivered in ${elapsedMs} ms through ${received.length} requests ` +
        `(${[...faults].map(([f, n]) => `${f} ${n}`).join(", ")}); ${attempts.length} attempts, ` +
        `${rateLimited.length} of them 429; lost answers: ${lost.length} requests carrying ${lostSignals.length} signals ` +
        `(${lost.filter((r) => r.fault === "lostAfterAcceptance").length} dropped by the mock, ` +
        `${lost.filter((r) => r.fault !== "lostAfterAcceptance").length} answered after our timeout); ` +
        `duplicates at SEEK: ${duplicated.length} signals, ${extraArrivals} extra arrivals ` +
        `(max ${Math.max(...signalsPerDelivery)} arrivals of one signal)`,
    );
  });
});
