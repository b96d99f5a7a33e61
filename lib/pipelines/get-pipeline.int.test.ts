import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    const saved = await savePipelineVersion(t.prisma, {
      organizationId: orgA,
      key: "std",
      definition,
      actor: "system",
    });
    const { eventId: _eventId, moved: _moved, ...stored } = saved;
    expect(await getCurrentPipeline(t.prisma, orgA, "std")).toEqual(stored);
    expect(await getPipelineVersion(t.prisma, orgA, saved.version.id)).toEqual(stored);
  });

  it("returns null for an unknown key or version", async () => {
    expect(await getCurrentPipeline(t.prisma, orgA, "missing")).toBeNull();
    expect(await getPipelineVersion(t.prisma, orgA, "missing")).toBeNull();
  });

  it("never reads another organization's pipeline or version", async () => {
    const definition = pipelineFromTemplate("position-flat")!;
    const saved = await savePipelineVersion(t.prisma, {
      organizationId: orgB,
      key: "b-only",
      definition,
      actor: "system",
    });
    expect(await getCurrentPipeline(t.prisma, orgA, "b-only")).toBeNull();
    expect(await getPipelineVersion(t.prisma, orgA, saved.version.id)).toBeNull();
    expect((await getPipelineVersion(t.prisma, orgB, saved.version.id))?.pipeline.key).toBe("b-only");
  });
});
