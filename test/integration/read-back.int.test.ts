// Reading back (#14): pipelines, positions and applications through the real v1 GET handlers, scoped to
// the API key's organization, paged by an opaque cursor, answers matching the OpenAPI response schemas.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getApplication, PUT as putApplication } from "@/app/api/v1/applications/[applicationId]/route";
import { POST as applicationStatus } from "@/app/api/v1/applications/[applicationId]/status/route";
import { GET as listApplications } from "@/app/api/v1/applications/route";
import { GET as listPipelines } from "@/app/api/v1/pipelines/route";
import { GET as getPosition, PUT as putPosition } from "@/app/api/v1/positions/[positionId]/route";
import { GET as listPositions } from "@/app/api/v1/positions/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { scopeFor } from "@/lib/data/scope";
import { resetEnvCache } from "@/lib/env";
import { TOKEN_REFUSED_HINT } from "@/lib/format/error-hints";
import {
  ZApplicationList,
  ZApplicationView,
  ZPipelineList,
  ZPositionList,
  ZPositionView,
} from "@/lib/read-back/read-back-schemas";
import { type ApiHarness, call, openApiHarness, seedPipeline } from "../support/api-harness";
import { flatPositionPipeline, twoLevelApplicationPipeline } from "../support/fixtures";
import { databasesUnderTest } from "../support/test-databases";

const TOKEN = "globalPublicTest-WfRFAhG25YC8ADe3QvxAVz";
const PROFILE = "seekAnzPublicTest:positionProfile:jobAd:27cuZeA47";

describe.each(databasesUnderTest())("reading back on %s", (kind) => {
  let h: ApiHarness;
  let otherKey = "";

  const get = (handler: typeof getPosition, path: string, params?: Record<string, string>, key?: string) =>
    call(handler, { method: "GET", path, params, key });

  beforeAll(async () => {
    h = await openApiHarness(kind);
    process.env.SIGNALHOUSE_PUBLIC_URL = "https://jobs.signalhouse.example";
    resetEnvCache();
    await seedPipeline(h.prisma, h.organizationId, "std", twoLevelApplicationPipeline);
    await seedPipeline(h.prisma, h.organizationId, "pos", flatPositionPipeline);
    for (const id of ["P3", "P1", "P2"]) {
      const put = await call(putPosition, {
        method: "PUT",
        path: `/api/v1/positions/${id}`,
        params: { positionId: id },
        body: {
          title: `Barista ${id}`,
          pipeline: "pos",
          applicationPipeline: "std",
          seekPositionProfileIds: id === "P1" ? [PROFILE] : [],
          applyUrl: `https://ats.example.com/jobs/${id}/apply`,
        },
      });
      expect(put.status).toBe(202);
    }
    for (const [id, positionId] of [
      ["A1", "P1"],
      ["A2", "P1"],
      ["A3", "P2"],
    ] as const) {
      const put = await call(putApplication, {
        method: "PUT",
        path: `/api/v1/applications/${id}`,
        params: { applicationId: id },
        body: {
          positionId,
          candidate: { given: "Terry", family: id, email: `${id}@example.com` },
          ...(id === "A1" ? { seekToken: TOKEN } : {}),
        },
      });
      expect(put.status).toBe(202);
    }
    const moved = await call(applicationStatus, {
      path: "/api/v1/applications/A1/status",
      params: { applicationId: "A1" },
      body: { status: "shortlist" },
    });
    expect(moved.status).toBe(202);

    // A second organization, with the same ATS ids, and its own key.
    const admin = await h.prisma.user.create({
      data: { email: "admin@example.test", name: "Admin", role: "admin", passwordHash: "x" },
    });
    const other = await h.prisma.organization.create({ data: { slug: "other", name: "Other" } });
    await h.prisma.position.create({
      data: { organizationId: other.id, externalId: "P9", title: "Theirs", applyUrl: "https://other.example/apply" },
    });
    otherKey = (
      await createApiKey(h.prisma, scopeFor({ id: admin.id, role: "admin", organizationId: null }), {
        organizationId: other.id,
        name: "other",
      })
    ).key;
  });
  afterAll(async () => {
    delete process.env.SIGNALHOUSE_PUBLIC_URL;
    resetEnvCache();
    await h?.close();
  });

  it("lists pipelines with their current version", async () => {
    const page = await get(listPipelines, "/api/v1/pipelines");
    expect(page.status).toBe(200);
    ZPipelineList.parse(page.body);
    expect(page.body.pipelines.map((p: { key: string; version: number }) => [p.key, p.version])).toEqual([
      ["pos", 1],
      ["std", 1],
    ]);
    expect(page.body.nextCursor).toBeNull();
  });

  it("reads a position with its applyLink on SIGNALHOUSE_PUBLIC_URL, naming the organization", async () => {
    const res = await get(getPosition, "/api/v1/positions/P1", { positionId: "P1" });
    expect(res.status).toBe(200);
    ZPositionView.parse(res.body);
    expect(res.body).toMatchObject({
      positionId: "P1",
      pipeline: "pos",
      applicationPipeline: "std",
      seekPositionProfileIds: [PROFILE],
      applyUrl: "https://ats.example.com/jobs/P1/apply",
      applyLink: "https://jobs.signalhouse.example/apply/default/P1",
    });
  });

  it("pages positions in id order with an opaque cursor, and refuses a forged one naming query.cursor", async () => {
    const first = await get(listPositions, "/api/v1/positions?limit=2");
    expect(first.status).toBe(200);
    ZPositionList.parse(first.body);
    expect(first.body.positions.map((p: { positionId: string }) => p.positionId)).toEqual(["P1", "P2"]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(first.body.nextCursor).not.toContain("P2");
    const second = await get(listPositions, `/api/v1/positions?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.positions.map((p: { positionId: string }) => p.positionId)).toEqual(["P3"]);
    expect(second.body.nextCursor).toBeNull();

    for (const bad of ["P2", "not%20base64", "limit=0", "limit=201"]) {
      const query = bad.startsWith("limit") ? bad : `cursor=${bad}`;
      const res = await get(listPositions, `/api/v1/positions?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
      expect(res.body.error.message).toContain(bad.startsWith("limit") ? "query.limit" : "query.cursor");
    }
  });

  it("reads an application: status with label and version, token prefix only, latest delivery per channel", async () => {
    const res = await get(getApplication, "/api/v1/applications/A1", { applicationId: "A1" });
    expect(res.status).toBe(200);
    ZApplicationView.parse(res.body);
    expect(res.body).toMatchObject({
      applicationId: "A1",
      positionId: "P1",
      status: { key: "shortlist", label: "Shortlist", pipelineVersion: 1 },
      seekToken: { held: true, prefix: `${TOKEN.slice(0, 6)}…` },
    });
    expect(JSON.stringify(res.body)).not.toContain(TOKEN);
    expect(res.body.deliveries).toEqual([expect.objectContaining({ channel: "seek-signal", state: "pending" })]);
    expect(res.body.deliveries[0].error).toBeUndefined();

    const none = await get(getApplication, "/api/v1/applications/A2", { applicationId: "A2" });
    expect(none.body).toMatchObject({ status: null, seekToken: { held: false, prefix: null }, deliveries: [] });
  });

  it("shows a failed delivery's redacted error with the hint from the table", async () => {
    const app = await h.prisma.application.findFirstOrThrow({ where: { externalId: "A1" } });
    await h.prisma.delivery.updateMany({
      where: { applicationId: app.id },
      data: { state: "failed", lastErrorCode: "BAD_USER_INPUT", lastError: `/input/token: Is not valid (${TOKEN})` },
    });
    const res = await get(getApplication, "/api/v1/applications/A1", { applicationId: "A1" });
    ZApplicationView.parse(res.body);
    expect(res.body.deliveries[0]).toMatchObject({
      state: "failed",
      error: { code: "BAD_USER_INPUT", hint: TOKEN_REFUSED_HINT },
    });
    expect(res.body.deliveries[0].error.message).toContain("/input/token: Is not valid");
    expect(JSON.stringify(res.body)).not.toContain(TOKEN);
  });

  it("lists applications of one position, and 404s an unknown position", async () => {
    const res = await get(listApplications, "/api/v1/applications?positionId=P1&limit=1");
    expect(res.status).toBe(200);
    ZApplicationList.parse(res.body);
    expect(res.body.applications.map((a: { applicationId: string }) => a.applicationId)).toEqual(["A1"]);
    const next = await get(listApplications, `/api/v1/applications?positionId=P1&cursor=${res.body.nextCursor}`);
    expect(next.body.applications.map((a: { applicationId: string }) => a.applicationId)).toEqual(["A2"]);
    expect(next.body.nextCursor).toBeNull();
    const all = await get(listApplications, "/api/v1/applications");
    expect(all.body.applications).toHaveLength(3);
    const unknown = await get(listApplications, "/api/v1/applications?positionId=NOPE");
    expect(unknown.status).toBe(404);
  });

  it("never shows another organization's rows: their ids are 404 and their lists hold only their own", async () => {
    expect((await get(getPosition, "/api/v1/positions/P9", { positionId: "P9" })).status).toBe(404);
    expect((await get(getPosition, "/api/v1/positions/P1", { positionId: "P1" }, otherKey)).status).toBe(404);
    expect((await get(getApplication, "/api/v1/applications/A1", { applicationId: "A1" }, otherKey)).status).toBe(404);
    expect((await get(listApplications, "/api/v1/applications?positionId=P1", undefined, otherKey)).status).toBe(404);
    const theirs = await get(listPositions, "/api/v1/positions", undefined, otherKey);
    expect(theirs.body.positions.map((p: { positionId: string }) => p.positionId)).toEqual(["P9"]);
    expect(theirs.body.positions[0].applyLink).toBe("https://jobs.signalhouse.example/apply/other/P9");
    const pipelines = await get(listPipelines, "/api/v1/pipelines", undefined, otherKey);
    expect(pipelines.body.pipelines).toEqual([]);
    expect((await get(listApplications, "/api/v1/applications", undefined, otherKey)).body.applications).toEqual([]);
  });
});
