// SEEK's item ids recorded for a whole batch in one statement: the items an update names, the items a
// create made (found through the delivery's candidate), never another organization's, never a candidate
// that has since moved to another SEEK profile.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimedDelivery, DeliveredResult } from "@/lib/delivery/channel";
import type { HistoryDeliveryPayload } from "@/lib/history/build-history-item";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { recordSeekItemIds } from "./record-seek-item-ids";

describe.each(databasesUnderTest())("recordSeekItemIds on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());
  // One clock: the rows the assertions read are written at `earlier`, the statement records at `now`.
  const now = new Date("2026-03-01T10:00:00.000Z");
  const earlier = new Date(now.getTime() - 3_600_000);

  async function candidateWithItems(profileId: string, idempotencyIds: string[]) {
    const slug = `org-${randomBytes(3).toString("hex")}`;
    const organization = await database.prisma.organization.create({ data: { slug, name: slug } });
    const candidate = await database.prisma.candidate.create({
      data: {
        organizationId: organization.id,
        givenName: "Terry",
        familyName: "Astley",
        seekCandidateProfileId: profileId,
      },
    });
    const items: { id: string }[] = [];
    for (const idempotencyId of idempotencyIds) {
      items.push(
        await database.prisma.candidateHistoryItem.create({
          data: {
            organizationId: organization.id,
            candidateId: candidate.id,
            idempotencyId,
            data: {},
            createdAt: earlier,
            updatedAt: earlier,
          },
        }),
      );
    }
    const itemId = (index: number): string => {
      const item = items[index];
      if (!item) throw new Error(`no item ${index}`);
      return item.id;
    };
    return { organizationId: organization.id, candidateId: candidate.id, itemId };
  }

  let n = 0;
  async function delivered(
    owner: { organizationId: string; candidateId: string },
    payload: HistoryDeliveryPayload,
    result: Record<string, unknown>,
  ): Promise<DeliveredResult> {
    const row = await database.prisma.delivery.create({
      data: {
        id: `dl_record_${randomBytes(4).toString("hex")}_${n++}`,
        organizationId: owner.organizationId,
        channel: "seek-history",
        kind: payload.operation === "create" ? "HistoryCreate" : "HistoryUpdate",
        destination: "seek",
        payload,
        occurredAt: now,
        createdAt: earlier,
        nextAttemptAt: earlier,
        candidateId: owner.candidateId,
      },
    });
    const delivery: ClaimedDelivery = {
      id: row.id,
      organizationId: row.organizationId,
      channel: "seek-history",
      kind: row.kind,
      destination: row.destination,
      payload,
      attempts: 1,
      orderingKey: null,
      occurredAt: now,
      createdAt: now,
      expiresAt: null,
      dueBy: null,
    };
    return { delivery, result };
  }

  const seekIdsOf = async (ids: string[]) =>
    (
      await database.prisma.candidateHistoryItem.findMany({
        where: { id: { in: ids } },
        select: { id: true, seekItemId: true, updatedAt: true },
      })
    ).sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));

  it("records a batch's creates by candidate and idempotency id, and its updates by item id", async () => {
    const owner = await candidateWithItems("profile-a", ["k1", "k2", "k3"]);
    const [i1, i2, i3] = [0, 1, 2].map((index) => ({ id: owner.itemId(index) })) as [
      { id: string },
      { id: string },
      { id: string },
    ];
    const base = { candidateProfileId: "profile-a", item: {} as never };
    // Written before the transaction: PGlite has one connection, which the transaction holds.
    const batch = [
      await delivered(owner, { ...base, operation: "create", idempotencyId: "k1" }, { seekItemId: "seek-1" }),
      await delivered(
        owner,
        { ...base, operation: "update", idempotencyId: "k2", historyItemId: i2.id },
        { seekItemId: "seek-2" },
      ),
      // a delete's result carries the id too, but a deleted item keeps the one it had
      await delivered(
        owner,
        { operation: "delete", candidateProfileId: "profile-a", idempotencyId: "k3", historyItemId: i3.id },
        { seekItemId: "seek-3" },
      ),
    ];
    await database.prisma.$transaction(async (tx) => recordSeekItemIds(tx, batch, now));
    expect(await seekIdsOf([i1.id, i2.id, i3.id])).toEqual([
      { id: i1.id, seekItemId: "seek-1", updatedAt: now },
      { id: i2.id, seekItemId: "seek-2", updatedAt: now },
      { id: i3.id, seekItemId: null, updatedAt: earlier },
    ]);
  });

  it("lets the later result win when one batch tells an item's id twice (its create, then its update)", async () => {
    const owner = await candidateWithItems("profile-b", ["k1"]);
    const item = { id: owner.itemId(0) };
    const base = { candidateProfileId: "profile-b", idempotencyId: "k1", item: {} as never };
    const create = await delivered(owner, { ...base, operation: "create" }, { seekItemId: "seek-old" });
    const update = await delivered(
      owner,
      { ...base, operation: "update", historyItemId: item.id },
      { seekItemId: "seek-new" },
    );
    await database.prisma.$transaction(async (tx) => recordSeekItemIds(tx, [create, update], now));
    expect((await seekIdsOf([item.id]))[0]?.seekItemId).toBe("seek-new");
    await database.prisma.$transaction(async (tx) => recordSeekItemIds(tx, [update, create], now));
    expect((await seekIdsOf([item.id]))[0]?.seekItemId).toBe("seek-old");
  });

  it("never records on another organization's item, nor on a candidate now at another SEEK profile", async () => {
    const ours = await candidateWithItems("profile-c", ["k1"]);
    const theirs = await candidateWithItems("profile-d", ["k1"]);
    const ourItem = { id: ours.itemId(0) };
    const theirItem = { id: theirs.itemId(0) };
    const base = { item: {} as never, idempotencyId: "k1" };
    const batch = [
      // an update naming their item, from our organization
      await delivered(
        ours,
        { ...base, operation: "update", candidateProfileId: "profile-c", historyItemId: theirItem.id },
        { seekItemId: "seek-cross" },
      ),
      // a create sent to a profile our candidate no longer has
      await delivered(
        ours,
        { ...base, operation: "create", candidateProfileId: "profile-old" },
        { seekItemId: "seek-stale" },
      ),
    ];
    await database.prisma.$transaction(async (tx) => recordSeekItemIds(tx, batch, now));
    expect((await seekIdsOf([ourItem.id, theirItem.id])).map((i) => i.seekItemId)).toEqual([null, null]);
  });
});
