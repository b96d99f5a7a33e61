import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgScope } from "@/test/support/org-scope";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { listPipelines } from "./list-pipelines";
import { pipelineFromTemplate } from "./pipeline-templates";
import { savePipelineVersion } from "./save-pipeline-version";

describe.each(databasesUnderTest())("listPipelines on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t.close());

  it("lists only the organization's own pipelines, each with its current version", async () => {
    const orgA = (await t.prisma.organization.create({ data: { slug: "a", name: "A" } })).id;
    const orgB = (await t.prisma.organization.create({ data: { slug: "b", name: "B" } })).id;
    const save = (organizationId: string, key: string, template: string) =>
      savePipelineVersion(t.prisma, orgScope(organizationId, "system"), {
        key,
        definition: pipelineFromTemplate(template)!,
      });
    await save(orgA, "std", "application-flat");
    await save(orgA, "std", "application-two-level");
    await save(orgA, "jobs", "position-flat");
    await save(orgB, "theirs", "application-flat");

    const list = await listPipelines(t.prisma, orgScope(orgA));
    expect(list.map((p) => [p.kind, p.key, p.currentVersion?.version])).toEqual([
      ["application", "std", 2],
      ["position", "jobs", 1],
    ]);
    expect(await listPipelines(t.prisma, orgScope("no-such-org"))).toEqual([]);
  });
});
