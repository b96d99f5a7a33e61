// The seek-history channel against the SEEK mock over real HTTP, with SEEK item ids resolved from memory
// (the database-backed resolver is tested in resolve-seek-item-id.int.test.ts).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { type SeekMock, startSeekMock } from "@/e2e/mocks/seek/server";
import type { ClaimedDelivery, SendContext } from "@/lib/delivery/channel";
import {
  buildHistoryItem,
  type HistoryDeliveryPayload,
  type HistoryItemFields,
} from "@/lib/history/build-history-item";
import { createMemoryPartnerTokenSource } from "./memory-partner-token";
import { createSeekClient } from "./seek-graphql-client";
import { createSeekHistoryChannel } from "./seek-history-channel";

const mock: SeekMock = await startSeekMock({ seed: 5 });
afterAll(() => mock.close());

const NOW = new Date("2026-03-01T10:00:00.000Z");
const context = (): SendContext => ({ workerId: "worker-1", now: () => NOW, signal: new AbortController().signal });

const item = buildHistoryItem({
  action: { code: "Note", name: "Contact again later", description: "Not looking right now." },
  actionDate: new Date("2026-03-01T09:00:00.000Z"),
  person: { given: "Terry", family: "Astley" },
});
let seq = 0;
// Payloads typed as lib/history writes them: a change there that the channel does not follow fails here.
function delivery(payload: HistoryDeliveryPayload | Record<string, unknown>, kind = "HistoryCreate"): ClaimedDelivery {
  seq += 1;
  return {
    id: `delivery-${seq}`,
    organizationId: "org-1",
    channel: "seek-history",
    kind,
    destination: "seek",
    payload,
    attempts: 0,
    orderingKey: "history:candidate-1:k1",
    occurredAt: NOW,
    createdAt: NOW,
    expiresAt: null,
    dueBy: new Date(NOW.getTime() + 60_000),
  };
}
const ids = { candidateProfileId: "profile-1", idempotencyId: "00000000-0000-0000-0000-000000000001" };
const create = (fields: Partial<HistoryItemFields> = {}, idempotencyId = ids.idempotencyId) =>
  delivery({ operation: "create", ...ids, idempotencyId, item: { ...item, ...fields } });
const update = (fields: Partial<HistoryItemFields> = {}) =>
  delivery({ operation: "update", ...ids, historyItemId: "item-1", item: { ...item, ...fields } }, "HistoryUpdate");
const remove = () => delivery({ operation: "delete", ...ids, historyItemId: "item-1" }, "HistoryDelete");

let seekIds: Map<string, string>;
function channel() {
  return createSeekHistoryChannel({
    client: createSeekClient({ url: mock.graphqlUrl }),
    tokens: createMemoryPartnerTokenSource({
      tokenUrl: mock.tokenUrl,
      audience: mock.credentials.audience,
      clientId: mock.credentials.clientId,
      clientSecret: mock.credentials.clientSecret,
    }),
    resolveSeekItemId: async (historyItemId) => seekIds.get(historyItemId) ?? null,
  });
}
async function sendOne(d: ClaimedDelivery) {
  return (await channel().send([d], context())).outcomes.get(d.id);
}

beforeEach(() => {
  mock.reset();
  seekIds = new Map();
});

describe("seek-history channel", () => {
  it("creates an item and reports SEEK's id as the result", async () => {
    const outcome = await sendOne(create());
    const [stored] = mock.historyItems();
    expect(outcome).toEqual({ kind: "delivered", result: { seekItemId: stored?.id, conflict: false } });
    expect(mock.received().map((r) => r.field)).toEqual(["createCandidateProcessHistoryItem"]);
  });

  it("treats a Conflict on create as success, with the conflicting item's id as ours", async () => {
    await sendOne(create());
    const again = await sendOne(create());
    expect(again).toEqual({ kind: "delivered", result: { seekItemId: mock.historyItems()[0]?.id, conflict: true } });
    expect(mock.historyItems()).toHaveLength(1);
  });

  it("updates the item whose SEEK id the database knows, replacing it whole", async () => {
    await sendOne(create());
    const id = mock.historyItems()[0]!.id;
    seekIds.set("item-1", id);
    const outcome = await sendOne(update({ action: { code: "Email", name: "Sent the offer" } }));
    expect(outcome).toEqual({ kind: "delivered", result: { seekItemId: id } });
    expect(mock.historyItems()[0]?.action).toEqual({ code: "Email", name: "Sent the offer" });
  });

  it("updates an item created earlier in the same batch, before its id reached the database", async () => {
    const batch = [create(), update({ action: { code: "PhoneCall", name: "Called" } })];
    const result = await channel().send(batch, context());
    expect([...result.outcomes.values()].map((o) => o.kind)).toEqual(["delivered", "delivered"]);
    expect(mock.historyItems()[0]?.action.code).toBe("PhoneCall");
    expect(mock.received().map((r) => r.field)).toEqual([
      "createCandidateProcessHistoryItem",
      "updateCandidateProcessHistoryItem",
    ]);
  });

  it("finds SEEK's id for an update whose create was delivered but whose id never reached us (create answers Conflict)", async () => {
    await sendOne(create());
    const id = mock.historyItems()[0]!.id;
    const outcome = await sendOne(update({ action: { code: "Email", name: "Sent" } }));
    expect(outcome).toEqual({ kind: "delivered", result: { seekItemId: id } });
    expect(mock.received().map((r) => r.field)).toEqual([
      "createCandidateProcessHistoryItem",
      "createCandidateProcessHistoryItem",
      "updateCandidateProcessHistoryItem",
    ]);
    expect(mock.historyItems()).toEqual([expect.objectContaining({ id, action: { code: "Email", name: "Sent" } })]);
  });

  it("creates the item as it now is when an update finds it was never created at SEEK", async () => {
    const outcome = await sendOne(update({ action: { code: "Email", name: "Sent" } }));
    const [stored] = mock.historyItems();
    expect(outcome).toEqual({ kind: "delivered", result: { seekItemId: stored?.id } });
    expect(stored?.action).toEqual({ code: "Email", name: "Sent" });
  });

  it("fails an update of an item SEEK no longer has", async () => {
    seekIds.set("item-1", "mockSeek:candidateProcessHistoryItem:unknown");
    expect(await sendOne(update())).toMatchObject({ kind: "failed", code: "NOT_FOUND" });
  });

  it("deletes an item, and counts deleting an already deleted item as done", async () => {
    await sendOne(create());
    const id = mock.historyItems()[0]!.id;
    seekIds.set("item-1", id);
    expect(await sendOne(remove())).toEqual({ kind: "delivered", result: { seekItemId: id, alreadyDeleted: false } });
    expect(mock.historyItems()).toEqual([]);
    expect(await sendOne(remove())).toEqual({ kind: "delivered", result: { seekItemId: id, alreadyDeleted: true } });
  });

  it("fails a delete whose item SEEK never gave us an id for, without asking SEEK", async () => {
    expect(await sendOne(remove())).toMatchObject({ kind: "failed", code: "SEEK_ITEM_UNKNOWN" });
    expect(mock.received()).toEqual([]);
  });

  it("fails an item SEEK rejects as invalid with SEEK's message, and goes on with the rest", async () => {
    const invalid = create({ positionProfile: { profileId: "p" } }, "k2");
    const result = await channel().send([invalid, create()], context());
    expect(result.outcomes.get(invalid.id)).toEqual({
      kind: "failed",
      code: "BAD_USER_INPUT",
      message: "/input/candidateProcessHistoryItem/seekSource: Is required when positionProfile is provided",
    });
    expect([...result.outcomes.values()][1]).toMatchObject({ kind: "delivered" });
  });

  it("fails a payload that is not a history operation, without sending", async () => {
    for (const payload of [
      { nope: true },
      { operation: "upsert", ...ids, item },
      { operation: "update", ...ids, item },
    ]) {
      expect(await sendOne(delivery(payload))).toMatchObject({ kind: "failed", code: "INVALID_PAYLOAD" });
    }
    expect(mock.received()).toEqual([]);
  });

  it("retries the item and everything after it on a 5xx, keeping their order, and backs off the destination", async () => {
    mock.setFaults({ queue: ["http5xx"] });
    const result = await channel().send([create({}, "k1"), create({}, "k2")], context());
    expect([...result.outcomes.values()]).toEqual([
      expect.objectContaining({ kind: "retry", code: "HTTP_503" }),
      expect.objectContaining({ kind: "retry", code: "HTTP_503" }),
    ]);
    expect(mock.received()).toHaveLength(1);
    expect(result.destinationBackoff).toBeDefined();
  });

  it("renews an expired partner token once and delivers", async () => {
    const shared = channel();
    await shared.send([create({}, "k1")], context());
    mock.expireTokens();
    const result = await shared.send([create({}, "k2")], context());
    expect([...result.outcomes.values()][0]).toMatchObject({ kind: "delivered" });
    expect(mock.tokenRequests()).toBe(2);
    expect(mock.received().map((r) => r.errorCodes)).toEqual([[], ["UNAUTHENTICATED"], []]);
  });
});
