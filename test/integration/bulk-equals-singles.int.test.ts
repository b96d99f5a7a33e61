// "Each change recorded exactly as if sent alone, in array order" (docs/decisions/0145), proved by
// comparison: one mixed batch through POST /api/v1/status-changes, and the same changes sent one by one
// to the single routes against a twin set of records, must write the same rows — events, outbox rows
// (kinds, payloads, states, ordering keys, deadlines, seq order), history items, final states — and
// answer the same result or error for each change. On every database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as putApplication } from "@/app/api/v1/applications/[applicationId]/route";
import { POST as applicationStatus } from "@/app/api/v1/applications/[applicationId]/status/route";
import { PUT as putCandidate } from "@/app/api/v1/candidates/[candidateId]/route";
import { PUT as putPosition } from "@/app/api/v1/positions/[positionId]/route";
import { POST as positionStatus } from "@/app/api/v1/positions/[positionId]/status/route";
import { POST as bulk } from "@/app/api/v1/status-changes/route";
import { type ApiHarness, call, openApiHarness, seedPipeline } from "../support/api-harness";
import { flatPositionPipeline, mappedPipeline } from "../support/fixtures";
import { databasesUnderTest } from "../support/test-databases";

const PROFILE = "seekAnzPublicTest:positionProfile:jobAd:27cuZeA47";
const CANDIDATE_PROFILE = "seekAnzPublicTest:candidateProfile:x1";
const TOKEN = "globalPublicTest-WfRFAhG25YC8ADe3QvxAVz";
const DAY_MS = 24 * 3600 * 1000;

type Change = { applicationId?: string; positionId?: string; status: string; occurredAt: string };

describe.each(databasesUnderTest())("a bulk request writes what the same changes sent alone write, on %s", (kind) => {
  let h: ApiHarness;
  // One clock for the file: every time is relative to it, and every change names its time, so the two
  // runs (one request; many requests, each with its own clock) record the same times.
  const start = Date.now();
  const at = (secondsAgo: number) => new Date(start - secondsAgo * 1000).toISOString();

  /** The same records under two prefixes: B- for the batch, S- for the single requests. */
  const seed = async (p: string) => {
    const position = (positionId: string, body: object) =>
      call(putPosition, { method: "PUT", path: `/api/v1/positions/${positionId}`, params: { positionId }, body });
    const application = (applicationId: string, body: object) =>
      call(putApplication, {
        method: "PUT",
        path: `/api/v1/applications/${applicationId}`,
        params: { applicationId },
        body,
      });
    const base = { pipeline: "pos", applicationPipeline: "mapped", applyUrl: "https://ats.example.com/apply" };
    expect((await position(`${p}P1`, { ...base, title: "Chef", seekPositionProfileIds: [PROFILE] })).status).toBe(202);
    expect((await position(`${p}P2`, { ...base, title: "Cook" })).status).toBe(202);
    const candidate = await call(putCandidate, {
      method: "PUT",
      path: `/api/v1/candidates/${p}C1`,
      params: { candidateId: `${p}C1` },
      body: { seekCandidateProfileId: CANDIDATE_PROFILE, name: { given: "Hayden", family: "Robinson" } },
    });
    expect(candidate.status).toBe(202);
    const person = { given: "Terry", family: "Astley" };
    const apps = [
      application(`${p}TOK`, { positionId: `${p}P1`, candidateId: `${p}C1`, candidate: person, seekToken: TOKEN }),
      application(`${p}OA`, {
        positionId: `${p}P1`,
        candidate: person,
        seekCandidateApplicationProfileId: "seekAnzPublicTest:candidateApplicationProfile:abc",
      }),
      application(`${p}LOCAL`, { positionId: `${p}P2`, candidate: person }),
    ];
    for (const made of await Promise.all(apps)) expect(made.status).toBe(202);
    // A seek-token captured 181 days before: its signal is written expired, never sent.
    const p1 = await h.prisma.position.findFirstOrThrow({ where: { externalId: `${p}P1` } });
    await h.prisma.seekTokenCapture.create({
      data: {
        id: `${p}cap_old`,
        organizationId: h.organizationId,
        positionId: p1.id,
        token: "old-token-0123456789",
        capturedAt: new Date(start - 181 * DAY_MS),
        source: "redirect",
      },
    });
    const old = await application(`${p}OLD`, { positionId: `${p}P1`, candidate: person, captureId: `${p}cap_old` });
    expect(old.status).toBe(202);
    // Identifiers' ages decide their expiry: the same for both prefixes, whenever each was seeded.
    const issued = new Date(start - DAY_MS);
    const seeded = await h.prisma.application.findMany({ where: { externalId: { startsWith: p } } });
    await h.prisma.application.updateMany({
      where: { id: { in: seeded.map((a) => a.id) } },
      data: { createdAt: issued },
    });
    const fresh = seeded.flatMap((a) =>
      a.seekTokenCaptureId && a.seekTokenCaptureId !== `${p}cap_old` ? [a.seekTokenCaptureId] : [],
    );
    await h.prisma.seekTokenCapture.updateMany({ where: { id: { in: fresh } }, data: { capturedAt: issued } });
    await h.prisma.seekPositionProfile.updateMany({ where: { positionId: p1.id }, data: { firstSeenAt: issued } });
  };

  const changes = (p: string): Change[] => [
    { applicationId: `${p}TOK`, status: "new", occurredAt: at(90) },
    { applicationId: `${p}TOK`, status: "chat", occurredAt: at(80) },
    { applicationId: `${p}NOPE`, status: "new", occurredAt: at(80) },
    { applicationId: `${p}OA`, status: "new", occurredAt: at(70) },
    { applicationId: `${p}TOK`, status: "chat", occurredAt: at(60) },
    { positionId: `${p}P1`, status: "open", occurredAt: at(60) },
    { applicationId: `${p}TOK`, status: "offer", occurredAt: new Date(start + 60 * 60_000).toISOString() },
    { applicationId: `${p}LOCAL`, status: "new", occurredAt: at(50) },
    { applicationId: `${p}OA`, status: "not-a-status", occurredAt: at(50) },
    { positionId: `${p}P1`, status: "review", occurredAt: at(40) },
    { applicationId: `${p}OLD`, status: "new", occurredAt: at(35) },
    { applicationId: `${p}TOK`, status: "offer", occurredAt: at(30) },
    { positionId: `${p}P2`, status: "open", occurredAt: at(20) },
    { positionId: `${p}NOPE`, status: "open", occurredAt: at(20) },
    { applicationId: `${p}OA`, status: "chat", occurredAt: at(10) },
  ];

  const sendAlone = async (change: Change) => {
    const body = { status: change.status, occurredAt: change.occurredAt };
    const response = change.applicationId
      ? await call(applicationStatus, {
          path: `/api/v1/applications/${change.applicationId}/status`,
          params: { applicationId: change.applicationId },
          body,
        })
      : await call(positionStatus, {
          path: `/api/v1/positions/${change.positionId}/status`,
          params: { positionId: change.positionId! },
          body,
        });
    return response.status === 202 ? response.body : { error: response.body.error };
  };

  /** Everything the changes wrote for one prefix, with row ids replaced by what they stand for. */
  const written = async (p: string, eventIds: string[]) => {
    const org = { organizationId: h.organizationId };
    const [applications, positions] = await Promise.all([
      h.prisma.application.findMany({
        where: { ...org, externalId: { startsWith: p } },
        orderBy: { externalId: "asc" },
      }),
      h.prisma.position.findMany({ where: { ...org, externalId: { startsWith: p } }, orderBy: { externalId: "asc" } }),
    ]);
    // named after their application: anonymous candidates have no id of the ATS
    const candidates = applications.flatMap((a) => (a.candidateId ? [{ id: a.candidateId, of: a.externalId }] : []));
    const names = new Map<string, string>([
      ...applications.map((a) => [a.id, `application:${a.externalId}`] as const),
      ...positions.map((x) => [x.id, `position:${x.externalId}`] as const),
      ...candidates.map((c) => [c.id, `candidate-of:${c.of}`] as const),
      ...eventIds.map((id, i) => [id, `event:${i}`] as const),
    ]);
    const anonymize = (value: unknown) => {
      let text = JSON.stringify(value);
      for (const [id, name] of names) text = text.replaceAll(id, name);
      return JSON.parse(text.replaceAll(p, "X-"));
    };
    const events = await h.prisma.event.findMany({ where: { id: { in: eventIds } } });
    const deliveries = await h.prisma.delivery.findMany({
      where: { eventId: { in: eventIds } },
      orderBy: { seq: "asc" },
    });
    const history = await h.prisma.candidateHistoryItem.findMany({
      where: { candidateId: { in: candidates.map((c) => c.id) } },
      orderBy: { idempotencyId: "asc" },
    });
    return anonymize({
      events: eventIds.map((id) => {
        const { id: _id, recordedAt: _recordedAt, ...event } = events.find((e) => e.id === id)!;
        return event;
      }),
      // in seq order: the worker sends rows of one ordering key, and rows in general, in this order
      deliveries: deliveries.map(({ id: _id, seq: _seq, createdAt: _c, updatedAt: _u, ...row }) => ({
        ...row,
        // both come from the request's clock: what must match is the deadline relative to it
        nextAttemptAt: undefined,
        dueBy: row.dueBy && row.dueBy.getTime() - row.nextAttemptAt.getTime(),
      })),
      history: history.map(({ id: _id, createdAt: _c, updatedAt: _u, ...item }) => item),
      applications: applications.map((a) => [a.externalId, a.currentStatusKey, a.currentVersionId, a.currentStatusAt]),
      positions: positions.map((x) => [x.externalId, x.currentStatusKey, x.currentVersionId, x.currentStatusAt]),
    });
  };

  beforeAll(async () => {
    h = await openApiHarness(kind);
    await seedPipeline(h.prisma, h.organizationId, "mapped", mappedPipeline);
    await seedPipeline(h.prisma, h.organizationId, "pos", flatPositionPipeline);
    await seed("B-");
    await seed("S-");
  }, 120_000);
  afterAll(async () => h?.close());

  it("a mixed batch (same application twice, errors in the middle, positions, SEEK-token, Optimised Apply, local and expired applications, history items) equals its changes sent alone", async () => {
    const response = await call(bulk, { path: "/api/v1/status-changes", body: { changes: changes("B-") } });
    expect(response.status).toBe(202);
    const batch = response.body.results.map(({ index: _index, ...result }: any) => result);
    const alone = [];
    for (const change of changes("S-")) alone.push(await sendAlone(change));

    // The answers: the same successes (deliveries' channels and states) and the same errors.
    const shape = (results: any[], p: string) =>
      JSON.parse(
        JSON.stringify(
          results.map((r) =>
            r.error
              ? // each request reads its own clock
                { error: { code: r.error.code, message: r.error.message.replace(/clock \([^)]*\)/, "clock") } }
              : { deliveries: r.deliveries.map((d: any) => [d.channel, d.state]) },
          ),
        ).replaceAll(p, "X-"),
      );
    expect(shape(batch, "B-")).toEqual(shape(alone, "S-"));
    expect(shape(batch, "B-").map((r: any) => r.error?.code ?? "ok")).toEqual([
      "ok",
      "ok",
      "NOT_FOUND",
      "ok",
      "CONFLICT",
      "ok",
      "OCCURRED_IN_FUTURE",
      "ok",
      "UNPROCESSABLE",
      "ok",
      "ok",
      "ok",
      "ok",
      "NOT_FOUND",
      "ok",
    ]);

    // The rows.
    const ids = (results: any[]) => results.flatMap((r) => (r.id ? [r.id] : []));
    const fromBatch = await written("B-", ids(batch));
    const fromAlone = await written("S-", ids(alone));
    expect(fromBatch).toEqual(fromAlone);
    // …and they are the rows the feature is about, not two empty lists.
    expect(fromBatch.events).toHaveLength(10);
    expect(fromBatch.deliveries.map((d: any) => `${d.kind}:${d.state}`)).toEqual([
      "ApplicationStatusUpdate:pending",
      "HistoryCreate:pending",
      "ApplicationStatusUpdate:pending",
      "ApplicationStatusUpdate:pending",
      "PositionStatusUpdate:pending",
      "PositionStatusUpdate:pending",
      "ApplicationStatusUpdate:expired",
      "ApplicationStatusUpdate:pending",
      "HistoryCreate:pending",
      "ApplicationStatusUpdate:pending",
    ]);
    expect(fromBatch.history).toHaveLength(2);
    expect(fromBatch.deliveries[2].payload.previous).toMatchObject({ status: { label: "New" } });
  });
});
