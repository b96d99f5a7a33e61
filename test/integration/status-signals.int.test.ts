// The hirer-capabilities rules, through the real v1 route handlers, on every database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as completeApplication } from "@/app/api/v1/applications/[applicationId]/complete/route";
import { PUT as putApplication } from "@/app/api/v1/applications/[applicationId]/route";
import { POST as applicationStatus } from "@/app/api/v1/applications/[applicationId]/status/route";
import { GET as getDelivery } from "@/app/api/v1/deliveries/[deliveryId]/route";
import { GET as listDeliveries } from "@/app/api/v1/deliveries/route";
import { GET as getPipeline, PUT as putPipeline } from "@/app/api/v1/pipelines/[pipelineKey]/route";
import { PUT as putPosition } from "@/app/api/v1/positions/[positionId]/route";
import { POST as positionStatus } from "@/app/api/v1/positions/[positionId]/status/route";
import { GET as apply } from "@/app/apply/[...path]/route";
import {
  type ApiHarness,
  call,
  openApiHarness,
  seedPipeline,
  seedStandardPosition,
  tableCounts,
} from "../support/api-harness";
import { flatPositionPipeline, twoLevelApplicationPipeline } from "../support/fixtures";
import { databasesUnderTest } from "../support/test-databases";

const PROFILE = "seekAnzPublicTest:positionProfile:jobAd:27cuZeA47";
const TOKEN = "globalPublicTest-WfRFAhG25YC8ADe3QvxAVz";

describe.each(databasesUnderTest())("status changes and signals on %s", (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness(kind);
    await seedStandardPosition(h);
  });
  afterAll(async () => h?.close());

  const move = (applicationId: string, status: string, occurredAt?: string) =>
    call(applicationStatus, {
      path: `/api/v1/applications/${applicationId}/status`,
      params: { applicationId },
      body: occurredAt ? { status, occurredAt } : { status },
    });

  it("queues exactly one complete ApplicationStatusUpdate per status change: three moves in a second are three rows with three timestamps", async () => {
    const put = await call(putApplication, {
      method: "PUT",
      path: "/api/v1/applications/A1",
      params: { applicationId: "A1" },
      body: {
        positionId: "P1",
        candidate: { given: "Terry", family: "Astley", email: "t@example.com" },
        seekToken: TOKEN,
      },
    });
    expect(put.status).toBe(202);
    expect(put.body).toEqual({ id: expect.any(String), deliveries: [] });

    const times = ["2026-11-23T09:00:00.100Z", "2026-11-23T09:00:00.500Z", "2026-11-23T09:00:00.900Z"];
    const responses = [
      await move("A1", "new", times[0]),
      await move("A1", "shortlist", times[1]),
      await move("A1", "first", times[2]),
    ];
    for (const r of responses) {
      expect(r.status).toBe(202);
      expect(r.body.deliveries).toEqual([{ id: expect.any(String), channel: "seek-signal", state: "pending" }]);
    }
    const rows = await h.prisma.delivery.findMany({
      where: { kind: "ApplicationStatusUpdate" },
      orderBy: { seq: "asc" },
    });
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => (r.payload as any).current.timestamp)).toEqual(times);
    expect(rows[2]!.payload).toEqual({
      typeCode: "ApplicationStatusUpdate",
      token: TOKEN,
      positionProfileIds: [PROFILE],
      current: {
        phase: { label: "Interview", index: 2, total: 3 },
        status: { label: "First interview", index: 4, total: 6 },
        success: null,
        timestamp: times[2],
      },
      previous: {
        phase: { label: "Screening", index: 1, total: 3 },
        status: { label: "Shortlist", index: 2, total: 6 },
        success: null,
        timestamp: times[1],
      },
    });
    expect(rows[0]!.payload).not.toHaveProperty("previous");
    expect(rows[0]!.tokenPrefix).toBe(TOKEN.slice(0, 8));
    // The event records current and previous by version, with the event time.
    const event = await h.prisma.event.findUniqueOrThrow({ where: { id: responses[2]!.body.id } });
    expect(event).toMatchObject({ fromStatusKey: "shortlist", toStatusKey: "first", occurredAt: new Date(times[2]!) });
    expect(event.versionId).toBe(event.fromVersionId);
  });

  it("each pipeline PUT creates a new version; GET returns the current one", async () => {
    const first = await call(putPipeline, {
      method: "PUT",
      path: "/api/v1/pipelines/api-made",
      params: { pipelineKey: "api-made" },
      body: flatPositionPipeline,
    });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ id: expect.any(String), version: 1, deliveries: [] });
    const renamed = { ...flatPositionPipeline, name: "Renamed" };
    const second = await call(putPipeline, {
      method: "PUT",
      path: "/api/v1/pipelines/api-made",
      params: { pipelineKey: "api-made" },
      body: renamed,
    });
    expect(second.body.version).toBe(2);
    const current = await call(getPipeline, {
      method: "GET",
      path: "/api/v1/pipelines/api-made",
      params: { pipelineKey: "api-made" },
    });
    expect(current.status).toBe(200);
    expect(current.body).toEqual({ key: "api-made", version: 2, ...renamed });
  });

  it("uses the time of the request when occurredAt is absent (event time, never send time)", async () => {
    const before = Date.now();
    const r = await move("A1", "phone");
    const row = await h.prisma.delivery.findUniqueOrThrow({ where: { id: r.body.deliveries[0].id } });
    const stamp = Date.parse((row.payload as any).current.timestamp);
    expect(stamp).toBeGreaterThanOrEqual(before - 1);
    expect(row.occurredAt.getTime()).toBe(stamp);
  });

  it("refuses a move to the status the application is already in with 409, writing nothing", async () => {
    const counts = await tableCounts(h.prisma);
    const r = await move("A1", "phone");
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("CONFLICT");
    expect(await tableCounts(h.prisma)).toEqual(counts);
  });

  it("answers 422 for a status that is not in the pipeline", async () => {
    const r = await move("A1", "teleported");
    expect(r.status).toBe(422);
    expect(r.body.error.issues[0].path).toBe("status");
  });

  it("editing the pipeline never changes a queued signal; the next signal's previous uses the version it was recorded with", async () => {
    const queued = await h.prisma.delivery.findMany({ orderBy: { seq: "asc" } });
    const renamed = {
      ...twoLevelApplicationPipeline,
      statuses: [
        ...twoLevelApplicationPipeline.statuses.map((s) => (s.key === "phone" ? { ...s, label: "Phone call" } : s)),
        { key: "talent", label: "Talent pool", phase: "hired", success: false },
      ],
    };
    await seedPipeline(h.prisma, h.organizationId, "std", renamed);
    expect(await h.prisma.delivery.findMany({ orderBy: { seq: "asc" } })).toEqual(queued);
    const r = await move("A1", "placed", "2026-11-23T10:00:00Z");
    const row = await h.prisma.delivery.findUniqueOrThrow({ where: { id: r.body.deliveries[0].id } });
    expect((row.payload as any).previous.status).toEqual({ label: "Phone screen", index: 3, total: 6 });
    expect((row.payload as any).current.status).toEqual({ label: "Hired", index: 6, total: 7 });
  });

  it("a later token replaces the earlier one for every later signal", async () => {
    await call(putApplication, {
      method: "PUT",
      path: "/api/v1/applications/A1",
      params: { applicationId: "A1" },
      body: { positionId: "P1", candidate: { given: "Terry", family: "Astley" }, seekToken: "newer-token-123" },
    });
    const r = await move("A1", "talent");
    const row = await h.prisma.delivery.findUniqueOrThrow({ where: { id: r.body.deliveries[0].id } });
    expect((row.payload as any).token).toBe("newer-token-123");
  });

  it("complete queues ApplicationComplete with the token, and is 422 without one", async () => {
    const none = await call(putApplication, {
      method: "PUT",
      path: "/api/v1/applications/A2",
      params: { applicationId: "A2" },
      body: { positionId: "P1", candidate: { given: "No", family: "Token" } },
    });
    expect(none.status).toBe(202);
    const refused = await call(completeApplication, {
      path: "/api/v1/applications/A2/complete",
      params: { applicationId: "A2" },
      body: {},
    });
    expect(refused.status).toBe(422);
    // No SEEK identifier: the status change is recorded, but there is nothing to send.
    const moved = await move("A2", "new");
    expect(moved.status).toBe(202);
    expect(moved.body.deliveries).toEqual([]);

    const done = await call(completeApplication, {
      path: "/api/v1/applications/A1/complete",
      params: { applicationId: "A1" },
      body: { occurredAt: "2026-11-23T08:59:00+10:00" },
    });
    expect(done.status).toBe(202);
    const row = await h.prisma.delivery.findUniqueOrThrow({ where: { id: done.body.deliveries[0].id } });
    expect(row.payload).toEqual({
      typeCode: "ApplicationComplete",
      token: "newer-token-123",
      timestamp: "2026-11-22T22:59:00.000Z",
    });
  });

  it("an Optimised Apply application is identified by candidateApplicationProfileId", async () => {
    await call(putApplication, {
      method: "PUT",
      path: "/api/v1/applications/OA1",
      params: { applicationId: "OA1" },
      body: {
        positionId: "P1",
        candidate: { given: "O", family: "A" },
        seekCandidateApplicationProfileId: "seekAnzPublicTest:candidateApplicationProfile:abc",
      },
    });
    const r = await move("OA1", "new");
    const row = await h.prisma.delivery.findUniqueOrThrow({ where: { id: r.body.deliveries[0].id } });
    expect(row.payload).toMatchObject({
      candidateApplicationProfileId: "seekAnzPublicTest:candidateApplicationProfile:abc",
    });
    expect(row.payload).not.toHaveProperty("token");
  });

  it("a token captured 181 days before the event is marked expired and never sent", async () => {
    const capturedAt = new Date(Date.now() - 181 * 24 * 3600 * 1000);
    const position = await h.prisma.position.findFirstOrThrow({ where: { externalId: "P1" } });
    await h.prisma.seekTokenCapture.create({
      data: {
        id: "cap_old",
        organizationId: h.organizationId,
        positionId: position.id,
        token: "old-token",
        capturedAt,
        source: "redirect",
      },
    });
    await call(putApplication, {
      method: "PUT",
      path: "/api/v1/applications/OLD",
      params: { applicationId: "OLD" },
      body: { positionId: "P1", candidate: { given: "Old", family: "Token" }, captureId: "cap_old" },
    });
    const r = await move("OLD", "new");
    expect(r.body.deliveries).toEqual([{ id: expect.any(String), channel: "seek-signal", state: "expired" }]);
    const row = await h.prisma.delivery.findUniqueOrThrow({ where: { id: r.body.deliveries[0].id } });
    expect(row.lastErrorCode).toBe("IDENTIFIER_EXPIRED");
  });

  it("position status changes queue a PositionStatusUpdate with positionProfileIds", async () => {
    await call(positionStatus, {
      path: "/api/v1/positions/P1/status",
      params: { positionId: "P1" },
      body: { status: "open", occurredAt: "2026-11-01T00:00:00Z" },
    });
    const r = await call(positionStatus, {
      path: "/api/v1/positions/P1/status",
      params: { positionId: "P1" },
      body: { status: "filled", occurredAt: "2026-11-20T00:00:00Z" },
    });
    expect(r.status).toBe(202);
    const row = await h.prisma.delivery.findUniqueOrThrow({ where: { id: r.body.deliveries[0].id } });
    expect(row.payload).toEqual({
      typeCode: "PositionStatusUpdate",
      positionProfileIds: [PROFILE],
      current: {
        status: { label: "Filled", index: 3, total: 4 },
        success: true,
        timestamp: "2026-11-20T00:00:00.000Z",
      },
      previous: { status: { label: "Open", index: 1, total: 4 }, success: null, timestamp: "2026-11-01T00:00:00.000Z" },
    });
  });

  it("Idempotency-Key: a replay returns the first response and records nothing new; another body with the same key is 422", async () => {
    const headers = { "idempotency-key": "move-A1-once" };
    const first = await call(applicationStatus, {
      path: "/api/v1/applications/A1/status",
      params: { applicationId: "A1" },
      body: { status: "new" },
      headers,
    });
    expect(first.status).toBe(202);
    const counts = await tableCounts(h.prisma);
    const again = await call(applicationStatus, {
      path: "/api/v1/applications/A1/status",
      params: { applicationId: "A1" },
      body: { status: "new" },
      headers,
    });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await tableCounts(h.prisma)).toEqual(counts);
    const other = await call(applicationStatus, {
      path: "/api/v1/applications/A1/status",
      params: { applicationId: "A1" },
      body: { status: "shortlist" },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await tableCounts(h.prisma)).toEqual(counts);
  });

  it("lists and shows deliveries of the caller's organization only", async () => {
    const list = await call(listDeliveries, { method: "GET", path: "/api/v1/deliveries?channel=seek-signal&limit=2" });
    expect(list.status).toBe(200);
    expect(list.body.deliveries).toHaveLength(2);
    expect(list.body.nextCursor).toMatch(/^\d+$/);
    const next = await call(listDeliveries, {
      method: "GET",
      path: `/api/v1/deliveries?channel=seek-signal&limit=2&cursor=${list.body.nextCursor}`,
    });
    expect(next.body.deliveries[0].id).not.toBe(list.body.deliveries[0].id);
    const one = await call(getDelivery, {
      method: "GET",
      path: `/api/v1/deliveries/${list.body.deliveries[0].id}`,
      params: { deliveryId: list.body.deliveries[0].id },
    });
    expect(one.status).toBe(200);
    expect(one.body.delivery).toMatchObject({
      id: list.body.deliveries[0].id,
      state: expect.any(String),
      attemptLog: [],
    });

    const other = await h.prisma.organization.create({ data: { slug: "other", name: "Other" } });
    const foreign = await h.prisma.delivery.create({
      data: {
        organizationId: other.id,
        channel: "seek-signal",
        kind: "ApplicationComplete",
        destination: "seek",
        payload: {},
        occurredAt: new Date(),
      },
    });
    const refused = await call(getDelivery, {
      method: "GET",
      path: `/api/v1/deliveries/${foreign.id}`,
      params: { deliveryId: foreign.id },
    });
    expect(refused.status).toBe(404);
  });
});

describe.each(databasesUnderTest())("seek-token capture on %s", (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness(kind);
    await seedPipeline(h.prisma, h.organizationId, "std", twoLevelApplicationPipeline);
    await call(putPosition, {
      method: "PUT",
      path: "/api/v1/positions/JOB-9",
      params: { positionId: "JOB-9" },
      body: {
        title: "Chef",
        applicationPipeline: "std",
        seekPositionProfileIds: [PROFILE],
        applyUrl: "https://ats.example.com/jobs/9/apply?src=board",
      },
    });
  });
  afterAll(async () => h?.close());

  // As Next calls the route behind scripts/serve.mjs: path segments decoded, the TCP peer's address in
  // x-signalhouse-peer-address (test/integration/capture-rate-limit.int.test.ts covers the stamping).
  const get = (path: string, headers: Record<string, string> = {}) =>
    apply(new Request(`http://localhost${path}`, { headers }), {
      params: Promise.resolve({ path: path.split("?")[0]!.split("/").slice(2).map(decodeURIComponent) }),
    });

  it("stores the token byte for byte and 303s to the position's applyUrl with the other parameters and sh_capture", async () => {
    const response = await get("/apply/JOB-9?utm_source=seek&seek-token=eyJ+a%2Bb==&x=%20y", {
      "x-signalhouse-peer-address": "203.0.113.1",
    });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("https://ats.example.com/jobs/9/apply");
    expect(location.search).toMatch(/^\?src=board&utm_source=seek&x=%20y&sh_capture=cap_[\w-]+$/);
    const captureId = location.searchParams.get("sh_capture")!;
    const capture = await h.prisma.seekTokenCapture.findUniqueOrThrow({
      where: { id: captureId },
      omit: { token: false },
    });
    expect(capture.token).toBe("eyJ+a%2Bb==");

    // The ATS attaches the capture; the next status change carries that token.
    await call(putApplication, {
      method: "PUT",
      path: "/api/v1/applications/C1",
      params: { applicationId: "C1" },
      body: { positionId: "JOB-9", candidate: { given: "Cap", family: "Ture" }, captureId },
    });
    const moved = await call(applicationStatus, {
      path: "/api/v1/applications/C1/status",
      params: { applicationId: "C1" },
      body: { status: "new" },
    });
    const row = await h.prisma.delivery.findUniqueOrThrow({ where: { id: moved.body.deliveries[0].id } });
    expect((row.payload as any).token).toBe("eyJ+a%2Bb==");
  });

  it("without a token just redirects; an unknown position is a 404 page; an oversized token is refused with a plain page", async () => {
    const plain = await get("/apply/JOB-9?a=1", { "x-signalhouse-peer-address": "203.0.113.2" });
    expect(plain.status).toBe(303);
    expect(plain.headers.get("location")).toBe("https://ats.example.com/jobs/9/apply?src=board&a=1");
    const unknown = await get("/apply/NOPE?seek-token=x", { "x-signalhouse-peer-address": "203.0.113.2" });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Job not found");
    const counts = await tableCounts(h.prisma);
    const huge = await get(`/apply/JOB-9?seek-token=${"a".repeat(5000)}`, {
      "x-signalhouse-peer-address": "203.0.113.2",
    });
    expect(huge.status).toBe(400);
    expect(huge.headers.get("content-type")).toContain("text/html");
    expect(await tableCounts(h.prisma)).toEqual(counts);
  });

  it("never redirects to another host, whatever the query says", async () => {
    const response = await get("/apply/JOB-9?seek-token=t&next=https://evil.example&url=//evil.example", {
      "x-signalhouse-peer-address": "203.0.113.3",
    });
    expect(new URL(response.headers.get("location")!).host).toBe("ats.example.com");
  });

  it("rate-limits one client address with 429 and Retry-After, without affecting another", async () => {
    // The limiter lives for the whole process: use addresses of this database run only.
    const address = kind === "pglite" ? "198.51.100.7" : "198.51.100.17";
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++)
      statuses.push((await get("/apply/JOB-9?a=1", { "x-signalhouse-peer-address": address })).status);
    expect(statuses.slice(0, 30).every((s) => s === 303)).toBe(true);
    const limited = await get("/apply/JOB-9?a=1", { "x-signalhouse-peer-address": address });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await get("/apply/JOB-9?a=1", { "x-signalhouse-peer-address": `${address}9` })).status).toBe(303);
  });
});
