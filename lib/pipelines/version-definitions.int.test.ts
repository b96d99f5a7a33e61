import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgScope } from "@/test/support/org-scope";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { pipelineFromTemplate } from "./pipeline-templates";
import { savePipelineVersion } from "./save-pipeline-version";
import { currentVersionDefinition, versionDefinition } from "./version-definitions";

describe.each(databasesUnderTest())("version definitions for status changes on %s", (kind) => {
  let t: TestDatabase;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    orgA = (await t.prisma.organization.create({ data: { slug: "a", name: "A" } })).id;
    orgB = (await t.prisma.organization.create({ data: { slug: "b", name: "B" } })).id;
  });
  afterAll(() => t.close());

  it("reads the current version, follows a new save, and never answers another organization from its cache", async () => {
    const first = pipelineFromTemplate("application-flat")!;
    const v1 = await savePipelineVersion(t.prisma, orgScope(orgA, "system"), {
      key: "std",
      definition: first,
    });
    const current = await currentVersionDefinition(t.prisma, orgScope(orgA), v1.pipeline.id);
    expect(current).toEqual({ versionId: v1.version.id, definition: first });
    // cached for A now; B asking for the same id gets nothing
    expect(await versionDefinition(t.prisma, orgScope(orgA), v1.version.id)).toEqual(current);
    expect(await versionDefinition(t.prisma, orgScope(orgB), v1.version.id)).toBeNull();
    await expect(currentVersionDefinition(t.prisma, orgScope(orgB), v1.pipeline.id)).rejects.toMatchObject({
      code: "UNPROCESSABLE",
    });

    // a new version becomes current; the old one still reads as it was (versions never change)
    const second = { ...first, name: `${first.name} (renamed)` };
    const v2 = await savePipelineVersion(t.prisma, orgScope(orgA, "system"), {
      key: "std",
      definition: second,
    });
    expect(await currentVersionDefinition(t.prisma, orgScope(orgA), v1.pipeline.id)).toEqual({
      versionId: v2.version.id,
      definition: second,
    });
    expect(await versionDefinition(t.prisma, orgScope(orgA), v1.version.id)).toEqual(current);
  });
});
