import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { seekItemIdResolver } from "./resolve-seek-item-id";

describe.each(databasesUnderTest())("seekItemIdResolver on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  async function historyItem(slug: string, seekItemId: string | null) {
    const organization = await database.prisma.organization.create({ data: { slug, name: slug } });
    const candidate = await database.prisma.candidate.create({
      data: { organizationId: organization.id, givenName: "Terry", familyName: "Astley" },
    });
    const item = await database.prisma.candidateHistoryItem.create({
      data: { organizationId: organization.id, candidateId: candidate.id, idempotencyId: "k1", seekItemId, data: {} },
    });
    return { organizationId: organization.id, id: item.id };
  }

  it("finds SEEK's id for the organization's own item, null before its create was delivered", async () => {
    const resolve = seekItemIdResolver(database.prisma);
    const created = await historyItem("acme", "seek-item-1");
    const pending = await historyItem("globex", null);
    expect(await resolve(created.id, created.organizationId)).toBe("seek-item-1");
    expect(await resolve(pending.id, pending.organizationId)).toBeNull();
  });

  it("never resolves another organization's item", async () => {
    const theirs = await historyItem("initech", "seek-item-theirs");
    const ours = await historyItem("umbrella", null);
    expect(await seekItemIdResolver(database.prisma)(theirs.id, ours.organizationId)).toBeNull();
  });
});
