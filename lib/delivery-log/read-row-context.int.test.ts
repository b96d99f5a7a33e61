// The log's rows can be told apart: each carries its organization, the ATS ids of its application,
// position and candidate, and what changed in the words of the pipeline version it was recorded in; a
// hirer's scope reads nothing of another organization.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAllOrganizationsScope, TOrganizationScope } from "@/lib/data/scope";
import type { Db } from "@/lib/db/client";
import { seedAdminAndOrganization } from "@/test/support/admin-scope";
import { insertDelivery } from "@/test/support/delivery-rows";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { readAdminDeliveryPage } from "./admin-delivery-list";
import { ZDeliveryLogQuery } from "./delivery-log-filter";
import { readRowContext } from "./read-row-context";

const OCCURRED = new Date("2026-11-23T09:00:00Z");

describe.each(databasesUnderTest())("delivery-log row context on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let admin: TAllOrganizationsScope;
  let org: string;
  let statusDelivery: string;
  let noteDelivery: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.prisma;
    ({ admin, org } = await seedAdminAndOrganization(db));
    const pipeline = await db.pipeline.create({
      data: { organizationId: org, key: "hiring", kind: "application", name: "Hiring" },
    });
    const version = await db.pipelineVersion.create({
      data: {
        pipelineId: pipeline.id,
        version: 1,
        name: "Hiring",
        definition: {
          statuses: [
            { key: "shortlist", label: "Shortlisted", success: null },
            { key: "interview1", label: "First interview", success: null },
          ],
        },
      },
    });
    const position = await db.position.create({
      data: { organizationId: org, externalId: "POS-9", title: "Chef", applyUrl: "https://x.test/apply" },
    });
    const candidate = await db.candidate.create({
      data: { organizationId: org, externalId: "CAND-3", givenName: "Pat", familyName: "Lee" },
    });
    const application = await db.application.create({
      data: { organizationId: org, externalId: "APP-7", positionId: position.id, candidateId: candidate.id },
    });
    const refs = { applicationId: application.id, positionId: position.id, candidateId: candidate.id };
    const moved = await db.event.create({
      data: {
        organizationId: org,
        type: "ApplicationStatusChanged",
        ...refs,
        versionId: version.id,
        fromVersionId: version.id,
        fromStatusKey: "shortlist",
        toStatusKey: "interview1",
        occurredAt: OCCURRED,
        actor: "system",
      },
    });
    const noted = await db.event.create({
      data: {
        organizationId: org,
        type: "NoteUpdated",
        ...refs,
        occurredAt: OCCURRED,
        actor: "system",
        data: { noteId: "APPL_NOTE123" },
      },
    });
    statusDelivery = (await insertDelivery(db, { organizationId: org, state: "failed", lastErrorCode: "SEEK_5XX" })).id;
    await db.delivery.update({ where: { id: statusDelivery }, data: { eventId: moved.id, ...refs } });
    noteDelivery = (
      await insertDelivery(db, { organizationId: org, state: "pending", channel: "linkedin-note", kind: "NoteUpsert" })
    ).id;
    await db.delivery.update({ where: { id: noteDelivery }, data: { eventId: noted.id, ...refs } });
  });
  afterAll(async () => database?.close());

  it("names the organization, the ATS ids and the status move by its labels", async () => {
    const contexts = await readRowContext(db, admin, [statusDelivery, noteDelivery]);
    expect(contexts.get(statusDelivery)).toEqual({
      organizationName: "Acme",
      applicationExternalId: "APP-7",
      positionExternalId: "POS-9",
      candidateExternalId: "CAND-3",
      change: "Shortlisted → First interview",
    });
    expect(contexts.get(noteDelivery)?.change).toBe("note APPL_NOTE123 updated");
  });

  it("the listing carries the context and an error summary for failures", async () => {
    const page = await readAdminDeliveryPage(db, admin, ZDeliveryLogQuery.parse({ organization: org }));
    const failed = page.deliveries.find((row) => row.id === statusDelivery);
    expect(failed).toMatchObject({
      organizationName: "Acme",
      applicationExternalId: "APP-7",
      change: "Shortlisted → First interview",
    });
    expect(failed?.errorSummary).toMatch(/^SEEK_5XX/);
  });

  it("reads nothing of another organization for a hirer's scope", async () => {
    const other = await db.organization.create({ data: { slug: "other", name: "Other" } });
    const hirer: TOrganizationScope = {
      kind: "organization",
      organizationId: other.id,
      actor: "system",
      actorUserId: null,
    };
    const contexts = await readRowContext(db, hirer, [statusDelivery]);
    expect(contexts.size).toBe(0);
  });
});
