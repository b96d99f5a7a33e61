import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgScope } from "@/test/support/org-scope";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { getCurrentPipeline, getPipelineVersion } from "./get-pipeline";
import { pipelineFromTemplate } from "./pipeline-templates";
import { savePipelineVersion } from "./save-pipeline-version";

describe.each(databasesUnderTest())("getCurrentPipeline / getPipelineVersion on %s", (kind) => {
  let t: TestDatabase;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    orgA = (await t.prisma.organization.create({ data: { slug: "a", name: "A" } })).id;
    orgB = (await t.prisma.organization.create({ data: { slug: "b", name: "B" } })).id;
  });
  afterAll(() => t.close());

  it("returns the current version with its definition exactly as saved", async () => {
    const definition = pipelineFromTemplate("application-flat")!;
    const saved = await savePipelineVersion(t.prisma, orgScope(orgA, "system"), {
      key: "std",
      definition,
    });
    const { eventId: _eventId, ...stored } = saved;
    expect(await getCurrentPipeline(t.prisma, orgScope(orgA), "std")).toEqual(stored);
    expect(await getPipelineVersion(t.prisma, orgScope(orgA), saved.version.id)).toEqual(stored);
  });

  it("returns null for an unknown key or version", async () => {
    expect(await getCurrentPipeline(t.prisma, orgScope(orgA), "missing")).toBeNull();
    expect(await getPipelineVersion(t.prisma, orgScope(orgA), "missing")).toBeNull();
  });

  it("never reads another organization's pipeline or version", async () => {
    const definition = pipelineFromTemplate("position-flat")!;
    const saved = await savePipelineVersion(t.prisma, orgScope(orgB, "system"), {
      key: "b-only",
      definition,
    });
    expect(await getCurrentPipeline(t.prisma, orgScope(orgA), "b-only")).toBeNull();
    expect(await getPipelineVersion(t.prisma, orgScope(orgA), saved.version.id)).toBeNull();
    expect((await getPipelineVersion(t.prisma, orgScope(orgB), saved.version.id))?.pipeline.key).toBe("b-only");
  });
});
