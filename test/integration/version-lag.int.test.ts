// The application page says when an application is on an older version of its pipeline (issue #17): a
// new version moves nobody, so the page must tell the hirer which version its status belongs to, and that
// the next move records it on the current one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getApplicationDetail } from "@/lib/applications/get-application-detail";
import { upsertApplication } from "@/lib/applications/upsert-application";
import type { TScope } from "@/lib/data/scope";
import { saveEditedPipeline } from "@/lib/pipeline-editing/save-edited-pipeline";
import { getPositionDetail } from "@/lib/positions/get-position-detail";
import { upsertPosition } from "@/lib/positions/upsert-position";
import { moveApplicationStatus } from "@/lib/status-moves/move-application-status";
import { movePositionStatus } from "@/lib/status-moves/move-position-status";
import { seedAdminAndOrganization } from "@/test/support/admin-scope";
import { orgScope } from "@/test/support/org-scope";
import { flatPositionPipeline, twoLevelApplicationPipeline } from "../support/fixtures";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../support/test-databases";

describe.each(databasesUnderTest())("the older-version notice on %s", (kind) => {
  let database: TestDatabase;
  let admin: TScope;
  let organizationId: string;
  let otherOrganizationId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const { prisma } = database;
    ({ admin, org: organizationId } = await seedAdminAndOrganization(prisma));
    otherOrganizationId = (await prisma.organization.create({ data: { slug: "other", name: "Other" } })).id;
    for (const id of [organizationId, otherOrganizationId]) {
      await saveEditedPipeline(prisma, admin, {
        organizationId: id,
        key: "std",
        definition: twoLevelApplicationPipeline,
      });
      await saveEditedPipeline(prisma, admin, { organizationId: id, key: "pos", definition: flatPositionPipeline });
      await prisma.$transaction(async (tx) => {
        await upsertPosition(tx, orgScope(id), {
          positionId: "JOB-1",
          body: {
            title: "Barista",
            pipeline: "pos",
            applicationPipeline: "std",
            seekPositionProfileIds: [],
            applyUrl: "https://a.test",
          },
        });
        await upsertApplication(tx, orgScope(id), {
          applicationId: "APP-1",
          body: { positionId: "JOB-1", candidate: { given: "Terry", family: "Astley" } },
        });
      });
      await moveApplicationStatus(prisma, admin, {
        organizationId: id,
        applicationId: "APP-1",
        statusKey: "first",
      });
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  const detail = (id = organizationId) =>
    getApplicationDetail(database.prisma, admin, { organizationId: id, applicationId: "APP-1" });

  it("says nothing while the application is on the current version", async () => {
    expect((await detail()).versionLag).toBeNull();
  });

  it("after two new versions: on version 1 of the pipeline, the current is 3; Move to offers version 3", async () => {
    const { prisma } = database;
    for (const label of ["First chat", "First meeting"]) {
      const next = structuredClone(twoLevelApplicationPipeline);
      next.statuses[3]!.label = label;
      await saveEditedPipeline(prisma, admin, { organizationId, key: "std", definition: next });
    }
    const app = await detail();
    expect(app.versionLag).toEqual({
      headline: "On version 1 of Standard hiring; the current version is 3.",
      meaning:
        "“First interview” stays as version 1 defined it until the next move. “Move to” offers the statuses of version 3, and a move records it on version 3.",
    });
    expect(app.currentStatus?.label).toBe("First interview");
    expect(app.move).toMatchObject({ available: true, version: 3 });
    // The other organization has the same ids and pipeline key, and its pipeline did not move on.
    expect((await detail(otherOrganizationId)).versionLag).toBeNull();
  });

  it("a move records the application on the current version, and the notice goes", async () => {
    await moveApplicationStatus(database.prisma, admin, { organizationId, applicationId: "APP-1", statusKey: "first" });
    const app = await detail();
    expect(app.currentStatus?.label).toBe("First meeting");
    expect(app.versionLag).toBeNull();
  });

  it("the position page says the same of the position's own status", async () => {
    const { prisma } = database;
    await movePositionStatus(prisma, admin, { organizationId, positionId: "JOB-1", statusKey: "review" });
    const read = () => getPositionDetail(prisma, admin, { organizationId, positionId: "JOB-1" });
    expect((await read()).versionLag).toBeNull();
    const next = structuredClone(flatPositionPipeline);
    next.statuses[1]!.label = "In review";
    await saveEditedPipeline(prisma, admin, { organizationId, key: "pos", definition: next });
    expect((await read()).versionLag?.headline).toBe("On version 1 of Position lifecycle; the current version is 2.");
  });
});
