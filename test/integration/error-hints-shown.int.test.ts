// The hint table reaches both pages (#14): the admin delivery page shows the hint beside the redacted
// error, the hirer application page's "Sent to job boards" rows show the hint only, never the message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAllOrganizationsScope } from "@/lib/data/scope";
import { listDeliveriesOfRecord } from "@/lib/delivery/deliveries-of-record";
import { readAdminDeliveryDetail } from "@/lib/delivery-log/admin-delivery-detail";
import { TOKEN_REFUSED_HINT } from "@/lib/format/error-hints";
import { insertDelivery } from "@/test/support/delivery-rows";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";

describe.each(databasesUnderTest())("error hints on the pages on %s", (kind) => {
  let database: TestDatabase;
  let admin: TAllOrganizationsScope;
  let orgId = "";

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const db = database.prisma;
    const user = await db.user.create({ data: { email: "a@x.test", name: "A", role: "admin", passwordHash: "x" } });
    admin = { kind: "all", actor: `user:${user.id}`, actorUserId: user.id };
    orgId = (await db.organization.create({ data: { slug: "acme", name: "Acme" } })).id;
  });
  afterAll(async () => database?.close());

  it("admin delivery detail carries the hint of its error code", async () => {
    const failed = await insertDelivery(database.prisma, {
      organizationId: orgId,
      state: "failed",
      lastErrorCode: "BAD_USER_INPUT",
      lastError: "/input/token: Is not valid",
    });
    const detail = await readAdminDeliveryDetail(database.prisma, admin, failed.id);
    expect(detail.errorHint).toBe(TOKEN_REFUSED_HINT);
    const fine = await insertDelivery(database.prisma, { organizationId: orgId, state: "pending" });
    expect((await readAdminDeliveryDetail(database.prisma, admin, fine.id)).errorHint).toBeNull();
  });

  it("the hirer's rows carry the hint for failed deliveries, and no error message", async () => {
    const db = database.prisma;
    const position = await db.position.create({
      data: { organizationId: orgId, externalId: "P1", title: "Barista", applyUrl: "https://ats.example/apply" },
    });
    const app = await db.application.create({
      data: { organizationId: orgId, externalId: "A1", positionId: position.id },
    });
    const base = {
      organizationId: orgId,
      applicationId: app.id,
      channel: "seek-signal",
      kind: "ApplicationStatusUpdate",
      destination: "seek",
      payload: {},
      occurredAt: new Date(),
    };
    await db.delivery.create({
      data: { ...base, state: "dead", lastErrorCode: "FORBIDDEN", lastError: "secret-ish detail" },
    });
    await db.delivery.create({ data: { ...base, state: "pending", lastErrorCode: "TIMEOUT", lastError: "slow" } });
    const rows = await listDeliveriesOfRecord(
      db,
      { kind: "organization", organizationId: orgId, actor: "test", actorUserId: null },
      { applicationId: app.id },
    );
    expect(rows.map((row) => [row.state, row.hint])).toEqual([
      ["pending", null],
      ["dead", expect.stringMatching(/link the ATS to its SEEK account/)],
    ]);
    expect(JSON.stringify(rows)).not.toContain("secret-ish detail");
  });
});
