// The hirer pages' reads and moves, on every database: what a hirer sees of their own organization, that
// another organization's positions, applications and pipelines read as not found and cannot be moved
// or saved into, and that a move through the UI is the API's status change plus an audit entry.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getApplicationDetail } from "@/lib/applications/get-application-detail";
import { upsertApplication } from "@/lib/applications/upsert-application";
import type { TSessionUser } from "@/lib/auth/session-user";
import { narrowToOrganization, scopeFor, type TScope } from "@/lib/data/scope";
import { listDeliveriesOfRecord } from "@/lib/delivery/deliveries-of-record";
import { listStatusHistory } from "@/lib/events/list-status-history";
import { organizationOfRecord, workingOrganization } from "@/lib/organizations/working-organization";
import { planNewPipeline } from "@/lib/pipeline-editing/plan-new-pipeline";
import { saveEditedPipeline } from "@/lib/pipeline-editing/save-edited-pipeline";
import { getPipelineForEditor } from "@/lib/pipelines/get-pipeline-for-editor";
import { getPositionDetail } from "@/lib/positions/get-position-detail";
import { listPositions } from "@/lib/positions/list-positions";
import { upsertPosition } from "@/lib/positions/upsert-position";
import { moveApplicationStatus } from "@/lib/status-moves/move-application-status";
import { movePositionStatus } from "@/lib/status-moves/move-position-status";
import { orgScope } from "@/test/support/org-scope";
import { flatPositionPipeline, twoLevelApplicationPipeline } from "../support/fixtures";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../support/test-databases";

const PROFILE = "seekAnzPublicTest:positionProfile:jobAd:27cuZeA47";
const TOKEN_A = "tokenAAAA-globalPublicTest-WfRFAhG25YC8ADe3QvxAVz";
const TOKEN_B = "tokenBBBB-globalPublicTest-qqqqqqqqqqqqqqqqqqqqqq";
const DAY = 24 * 60 * 60 * 1000;

type Org = { id: string; slug: string; hirer: TSessionUser; scope: TScope };

describe.each(databasesUnderTest())("hirer pages on %s", (kind) => {
  let database: TestDatabase;
  let admin: TScope;
  const orgs: Record<"a" | "b", Org> = {} as Record<"a" | "b", Org>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const { prisma } = database;
    const adminUser = await prisma.user.create({
      data: { email: "admin@example.test", name: "Ada Admin", role: "admin", passwordHash: "x" },
    });
    admin = scopeFor({ id: adminUser.id, role: "admin", organizationId: null });
    for (const slug of ["a", "b"] as const) {
      const org = await prisma.organization.create({ data: { slug: `org-${slug}`, name: `Org ${slug}` } });
      const user = await prisma.user.create({
        data: {
          email: `hirer@${slug}.test`,
          name: `Hirer ${slug}`,
          role: "hirer",
          organizationId: org.id,
          passwordHash: "x",
        },
      });
      const hirer: TSessionUser = {
        id: user.id,
        email: user.email,
        name: user.name,
        role: "hirer",
        organizationId: org.id,
        organization: { id: org.id, slug: org.slug, name: org.name },
      };
      orgs[slug] = { id: org.id, slug: org.slug, hirer, scope: scopeFor(hirer) };
      // Both organizations use the same ATS ids and pipeline keys: only the scope tells them apart.
      await saveEditedPipeline(prisma, admin, {
        organizationId: org.id,
        key: "std",
        definition: twoLevelApplicationPipeline,
      });
      await saveEditedPipeline(prisma, admin, { organizationId: org.id, key: "pos", definition: flatPositionPipeline });
      await prisma.$transaction(async (tx) => {
        const actor = "apikey:bootstrap";
        await upsertPosition(tx, orgScope(org.id, actor), {
          positionId: "JOB-1",
          body: {
            title: `Barista ${slug}`,
            pipeline: "pos",
            applicationPipeline: "std",
            seekPositionProfileIds: [PROFILE],
            applyUrl: "https://ats.example/apply",
          },
        });
        await upsertApplication(tx, orgScope(org.id, actor), {
          applicationId: "APP-1",
          body: {
            positionId: "JOB-1",
            candidate: { given: "Terry", family: `Astley-${slug}` },
            seekToken: slug === "a" ? TOKEN_A : TOKEN_B,
          },
        });
      });
    }
    // Only org-b has a second position: ids that exist in one organization alone.
    await prisma.$transaction((tx) =>
      upsertPosition(tx, orgScope(orgs.b.id), {
        positionId: "ONLY-B",
        body: { title: "Only in B", seekPositionProfileIds: [], applyUrl: "https://ats.example/apply" },
      }),
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it("lists only the hirer's own positions, with live SEEK ids and application counts", async () => {
    const list = await listPositions(database.prisma, orgs.a.scope, orgs.a.id);
    expect(list).toEqual([
      expect.objectContaining({ externalId: "JOB-1", title: "Barista a", seekProfileCount: 1, applicationCount: 1 }),
    ]);
    await expect(listPositions(database.prisma, orgs.a.scope, orgs.b.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Newest first, for an admin looking at org-b.
    expect((await listPositions(database.prisma, admin, orgs.b.id)).map((p) => p.externalId)).toEqual([
      "ONLY-B",
      "JOB-1",
    ]);
  });

  it("a hirer of org A cannot load org B's position, application or pipeline by guessing ids: not found", async () => {
    const { prisma } = database;
    const a = orgs.a.scope;
    const b = { organizationId: orgs.b.id };
    await expect(getPositionDetail(prisma, a, { ...b, positionId: "JOB-1" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getApplicationDetail(prisma, a, { ...b, applicationId: "APP-1" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getPipelineForEditor(prisma, a, { ...b, key: "std" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // In their own organization, an id only org B uses does not exist either.
    await expect(
      getPositionDetail(prisma, a, { organizationId: orgs.a.id, positionId: "ONLY-B" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(organizationOfRecord(prisma, a, "position", "ONLY-B", undefined)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(organizationOfRecord(prisma, a, "position", "JOB-1", orgs.b.slug)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(workingOrganization(prisma, a, orgs.b.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // What they may see resolves to their own organization only.
    expect(await organizationOfRecord(prisma, a, "application", "APP-1", undefined)).toEqual({
      kind: "one",
      organization: { id: orgs.a.id, slug: "org-a", name: "Org a" },
    });
    expect((await getPositionDetail(prisma, a, { organizationId: orgs.a.id, positionId: "JOB-1" })).title).toBe(
      "Barista a",
    );
  });

  it("an admin opening an ATS id that two organizations use is asked which; one that only one uses opens it", async () => {
    const shared = await organizationOfRecord(database.prisma, admin, "position", "JOB-1", undefined);
    expect(shared).toMatchObject({ kind: "several" });
    expect(shared.kind === "several" && shared.organizations.map((o) => o.slug)).toEqual(["org-a", "org-b"]);
    expect(await organizationOfRecord(database.prisma, admin, "position", "ONLY-B", undefined)).toMatchObject({
      kind: "one",
      organization: { slug: "org-b" },
    });
  });

  it("shows the seek-token only as its first 6 characters and says when it expires", async () => {
    const detail = await getApplicationDetail(database.prisma, orgs.a.scope, {
      organizationId: orgs.a.id,
      applicationId: "APP-1",
    });
    expect(detail.seekToken).toMatchObject({ prefix: "tokenA…", source: "api", expired: false });
    expect(JSON.stringify(detail)).not.toContain(TOKEN_A.slice(0, 7));
    const later = new Date(Date.now() + 181 * DAY);
    const old = await getApplicationDetail(
      database.prisma,
      orgs.a.scope,
      { organizationId: orgs.a.id, applicationId: "APP-1" },
      later,
    );
    expect(old.seekToken?.expired).toBe(true);
  });

  it("a move from the page is the API's status change: one event by user:<id>, one SEEK signal, one audit entry", async () => {
    const { prisma } = database;
    const input = { organizationId: orgs.a.id, applicationId: "APP-1" };
    const first = await moveApplicationStatus(prisma, orgs.a.scope, { ...input, statusKey: "new" });
    const second = await moveApplicationStatus(prisma, orgs.a.scope, { ...input, statusKey: "shortlist" });
    expect(first.deliveries.filter((d) => d.channel === "seek-signal")).toHaveLength(1);
    expect(second.deliveries.filter((d) => d.channel === "seek-signal")).toHaveLength(1);

    const event = await prisma.event.findUniqueOrThrow({ where: { id: second.id } });
    expect(event).toMatchObject({ actor: `user:${orgs.a.hirer.id}`, fromStatusKey: "new", toStatusKey: "shortlist" });
    const audit = await prisma.auditLog.findMany({ where: { action: "application.move", organizationId: orgs.a.id } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorUserId: orgs.a.hirer.id, targetId: "APP-1" });

    const signal = await prisma.delivery.findUniqueOrThrow({ where: { id: second.deliveries[0]!.id } });
    expect(signal.payload).toMatchObject({
      typeCode: "ApplicationStatusUpdate",
      token: TOKEN_A,
      current: { status: { label: "Shortlist", index: 2, total: 6 } },
      previous: { status: { label: "New", index: 1, total: 6 } },
    });

    const detail = await getApplicationDetail(prisma, orgs.a.scope, input);
    expect(detail.currentStatus).toMatchObject({
      key: "shortlist",
      seek: { phase: { label: "Screening", index: 1, total: 3 }, status: { label: "Shortlist", index: 2, total: 6 } },
    });
    expect(detail.history.map((h) => [h.fromLabel, h.toLabel, h.actor])).toEqual([
      ["New", "Shortlist", "Hirer a"],
      [null, "New", "Hirer a"],
    ]);
    expect(detail.move).toMatchObject({ available: true, preselected: "phone" });
    expect(detail.deliveries.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a move to the status it is in (409) and to an unknown status (422), writing nothing", async () => {
    const { prisma } = database;
    const input = { organizationId: orgs.a.id, applicationId: "APP-1" };
    const before = await prisma.event.count();
    await expect(
      moveApplicationStatus(prisma, orgs.a.scope, { ...input, statusKey: "shortlist" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(moveApplicationStatus(prisma, orgs.a.scope, { ...input, statusKey: "nope" })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
    });
    expect(await prisma.event.count()).toBe(before);
  });

  it("a hirer of org A cannot move org B's application or position, whatever ids they send", async () => {
    const { prisma } = database;
    const before = { events: await prisma.event.count(), audit: await prisma.auditLog.count() };
    await expect(
      moveApplicationStatus(prisma, orgs.a.scope, {
        organizationId: orgs.b.id,
        applicationId: "APP-1",
        statusKey: "new",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      movePositionStatus(prisma, orgs.a.scope, { organizationId: orgs.b.id, positionId: "JOB-1", statusKey: "open" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      movePositionStatus(prisma, orgs.a.scope, { organizationId: orgs.a.id, positionId: "ONLY-B", statusKey: "open" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma.event.count()).toBe(before.events);
    expect(await prisma.auditLog.count()).toBe(before.audit);
    const appB = await prisma.application.findFirstOrThrow({
      where: { organizationId: orgs.b.id, externalId: "APP-1" },
    });
    expect(appB.currentStatusKey).toBeNull();
  });

  it("moves a position and lists the change with labels and who made it; deliveries carry no payload", async () => {
    const { prisma } = database;
    const result = await movePositionStatus(prisma, admin, {
      organizationId: orgs.b.id,
      positionId: "JOB-1",
      statusKey: "open",
    });
    expect(result.deliveries).toHaveLength(1);
    const detail = await getPositionDetail(prisma, orgs.b.scope, { organizationId: orgs.b.id, positionId: "JOB-1" });
    expect(detail.currentStatus).toMatchObject({ key: "open", label: "Open" });
    // The hirer sees an admin's change as made by "An administrator"; the admin sees the name.
    expect(detail.history).toEqual([
      expect.objectContaining({ fromLabel: null, toLabel: "Open", actor: "An administrator" }),
    ]);
    const asAdmin = await getPositionDetail(prisma, admin, { organizationId: orgs.b.id, positionId: "JOB-1" });
    expect(asAdmin.history[0]?.actor).toBe("Ada Admin (administrator)");
    expect(detail.deliveries).toEqual([
      {
        id: result.deliveries[0]!.id,
        channel: "seek-signal",
        kind: "PositionStatusUpdate",
        state: "pending",
        createdAt: expect.any(Date),
        deliveredAt: null,
        // a pending delivery has nothing to act on (decision 0143: hints for failed, dead, expired)
        hint: null,
      },
    ]);
    const positionId = (
      await prisma.position.findFirstOrThrow({ where: { organizationId: orgs.b.id, externalId: "JOB-1" } })
    ).id;
    // The position's own deliveries: its applications' signals are not mixed in.
    const own = await listDeliveriesOfRecord(prisma, narrowToOrganization(orgs.b.scope, orgs.b.id), { positionId });
    expect(own.every((d) => d.kind === "PositionStatusUpdate")).toBe(true);
  });

  it("keeps history labels as recorded: renaming a status in a new version does not rewrite past changes", async () => {
    const { prisma } = database;
    const renamed = structuredClone(twoLevelApplicationPipeline);
    renamed.statuses[1]!.label = "Longlist";
    await saveEditedPipeline(prisma, orgs.a.scope, { organizationId: orgs.a.id, key: "std", definition: renamed });
    await moveApplicationStatus(prisma, orgs.a.scope, {
      organizationId: orgs.a.id,
      applicationId: "APP-1",
      statusKey: "phone",
    });
    const app = await prisma.application.findFirstOrThrow({
      where: { organizationId: orgs.a.id, externalId: "APP-1" },
    });
    const history = await listStatusHistory(
      prisma,
      { kind: "organization", organizationId: orgs.a.id, actor: "x", actorUserId: null },
      false,
      { applicationId: app.id },
    );
    expect(history.map((h) => `${h.fromLabel} → ${h.toLabel}`)).toEqual([
      "Shortlist → Phone screen",
      "New → Shortlist",
      "null → New",
    ]);
  });

  it("saves pipeline versions as the signed-in person, audited; never into another organization", async () => {
    const { prisma } = database;
    const editor = await getPipelineForEditor(prisma, orgs.a.scope, { organizationId: orgs.a.id, key: "std" });
    expect(editor.versions.map((v) => [v.version, v.createdBy, v.current])).toEqual([
      [2, "Hirer a", true],
      [1, "An administrator", false],
    ]);
    expect(editor.current?.definition.statuses[1]?.label).toBe("Longlist");
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "pipeline.save_version", actorUserId: orgs.a.hirer.id },
    });
    expect(audit.details).toMatchObject({ key: "std", version: 2 });

    await expect(
      saveEditedPipeline(prisma, orgs.a.scope, {
        organizationId: orgs.b.id,
        key: "std",
        definition: twoLevelApplicationPipeline,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      saveEditedPipeline(prisma, admin, { organizationId: "no-such-org", key: "x", definition: flatPositionPipeline }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const b = await getPipelineForEditor(prisma, admin, { organizationId: orgs.b.id, key: "std" });
    expect(b.versions).toHaveLength(1);
  });

  it("plans a new pipeline: key from the name, a taken key refused, another organization not found", async () => {
    const { prisma } = database;
    expect(
      await planNewPipeline(prisma, orgs.a.scope, {
        organizationId: orgs.a.id,
        kind: "application",
        name: "Grad hiring 2027",
      }),
    ).toEqual({ organizationSlug: "org-a", kind: "application", key: "grad-hiring-2027", name: "Grad hiring 2027" });
    await expect(
      planNewPipeline(prisma, orgs.a.scope, { organizationId: orgs.a.id, kind: "position", name: "X", key: "std" }),
    ).rejects.toMatchObject({ code: "CONFLICT", issues: [{ path: ["key"] }] });
    await expect(
      planNewPipeline(prisma, orgs.a.scope, { organizationId: orgs.b.id, kind: "position", name: "X", key: "new-one" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
