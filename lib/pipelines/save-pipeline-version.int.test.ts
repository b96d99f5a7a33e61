import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { orgScope } from "@/test/support/org-scope";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { getCurrentPipeline, getPipelineVersion } from "./get-pipeline";
import type { TPipelineDefinition } from "./pipeline-definition";
import { pipelineFromTemplate } from "./pipeline-templates";
import { savePipelineVersion } from "./save-pipeline-version";

const application = () => pipelineFromTemplate("application-two-level")!;
const position = () => pipelineFromTemplate("position-flat")!;

describe.each(databasesUnderTest())("savePipelineVersion on %s", (kind) => {
  let t: TestDatabase;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    orgA = (await t.prisma.organization.create({ data: { slug: "a", name: "A" } })).id;
    orgB = (await t.prisma.organization.create({ data: { slug: "b", name: "B" } })).id;
  });
  afterAll(() => t.close());

  const save = (key: string, definition: TPipelineDefinition, organizationId = orgA) =>
    savePipelineVersion(t.prisma, orgScope(organizationId, "user:u1"), { key, definition });

  it("creates the pipeline on first save with version 1 and makes it current", async () => {
    const saved = await save("standard", application());
    expect(saved.version).toMatchObject({ version: 1, name: "Standard hiring", createdBy: "user:u1" });
    expect(saved.pipeline).toMatchObject({ key: "standard", kind: "application", name: "Standard hiring" });
    const current = await getCurrentPipeline(t.prisma, orgScope(orgA), "standard");
    expect(current?.version.id).toBe(saved.version.id);
    expect(current?.definition).toEqual(application());
  });

  it("each save creates version previous+1 and never changes older versions (events keep theirs)", async () => {
    const v1 = await save("evolving", application());
    const renamed = { ...application(), name: "Graduate hiring" };
    renamed.statuses = renamed.statuses.map((s) => (s.key === "hired" ? { ...s, label: "Placed" } : s));
    const v2 = await save("evolving", renamed);
    expect(v2.version.version).toBe(v1.version.version + 1);
    expect(v2.pipeline.id).toBe(v1.pipeline.id);

    const old = await getPipelineVersion(t.prisma, orgScope(orgA), v1.version.id);
    expect(old?.version).toEqual(v1.version);
    expect(old?.definition).toEqual(application());
    const current = await getCurrentPipeline(t.prisma, orgScope(orgA), "evolving");
    expect(current?.version.version).toBe(2);
    expect(current?.pipeline.name).toBe("Graduate hiring");
    expect(current?.definition.statuses.find((s) => s.key === "hired")?.label).toBe("Placed");
  });

  it("a pipeline's kind may not change once created (UNPROCESSABLE, nothing written)", async () => {
    await save("fixed-kind", application());
    const attempt = save("fixed-kind", position());
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "UNPROCESSABLE", status: 422 });
    const versions = await t.prisma.pipelineVersion.count({ where: { pipeline: { key: "fixed-kind" } } });
    expect(versions).toBe(1);
  });

  it("concurrent saves never produce duplicate version numbers", async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => save("busy", { ...application(), name: `Save ${i}` })),
    );
    expect(results.map((r) => r.version.version).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const last = results.find((r) => r.version.version === 6);
    expect((await getCurrentPipeline(t.prisma, orgScope(orgA), "busy"))?.version.id).toBe(last?.version.id);
    expect(await t.prisma.pipeline.count({ where: { key: "busy" } })).toBe(1);
  });

  it("keys are per organization: the same key in another organization is another pipeline", async () => {
    await save("shared-key", application(), orgA);
    const other = await save("shared-key", position(), orgB);
    expect(other.version.version).toBe(1);
    expect(other.pipeline.kind).toBe("position");
    expect((await getCurrentPipeline(t.prisma, orgScope(orgA), "shared-key"))?.pipeline.kind).toBe("application");
  });

  it("refuses an invalid definition or key as VALIDATION_FAILED with issues by path, writing nothing", async () => {
    const invalid = { ...application(), statuses: [] } as TPipelineDefinition;
    await expect(save("broken", invalid)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [expect.objectContaining({ path: "statuses" })],
    });
    await expect(save("no spaces", application())).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await t.prisma.pipeline.count({ where: { key: { in: ["broken", "no spaces"] } } })).toBe(0);
  });
});
