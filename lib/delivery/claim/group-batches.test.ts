import { describe, expect, it } from "vitest";
import type { ClaimedRow } from "./claimed-row";
import { groupBatches } from "./group-batches";

function row(id: string, destination: string, extra: Partial<ClaimedRow> = {}): ClaimedRow {
  const at = new Date("2026-01-01T00:00:00Z");
  return {
    id,
    organizationId: "o",
    channel: "seek-signal",
    kind: "k",
    destination,
    payload: {},
    attempts: 1,
    orderingKey: null,
    occurredAt: at,
    createdAt: at,
    expiresAt: null,
    dueBy: null,
    probe: false,
    suspect: false,
    seq: BigInt(id.replace(/\D/g, "") || "0"),
    ...extra,
  };
}

const ids = (batches: ClaimedRow[][]) => batches.map((b) => b.map((r) => r.id));

describe("groupBatches", () => {
  it("never mixes destinations in one batch, and keeps claim order inside each", () => {
    const batches = groupBatches([row("1", "a"), row("2", "b"), row("3", "a")], 10);
    expect(ids(batches)).toEqual([["1", "3"], ["2"]]);
  });

  it("splits at the channel's maxBatch", () => {
    const rows = ["1", "2", "3", "4", "5"].map((id) => row(id, "a"));
    expect(ids(groupBatches(rows, 2))).toEqual([["1", "2"], ["3", "4"], ["5"]]);
  });

  it("a suspect row (its worker stopped mid-send, or the channel threw) is sent alone: it may be the poison", () => {
    const batches = groupBatches([row("1", "a"), row("2", "a", { suspect: true }), row("3", "a")], 10);
    expect(ids(batches)).toEqual([["2"], ["1", "3"]]);
  });

  it("a probe of a recovering destination is a batch of one", () => {
    expect(ids(groupBatches([row("p", "a", { probe: true })], 100))).toEqual([["p"]]);
  });

  it("keeps an ordering key's rows together in seq order and never splits them across batches", () => {
    const k = (id: string, seq: number) => row(id, "linkedin:o", { orderingKey: "notes:a", seq: BigInt(seq) });
    const batches = groupBatches(
      [row("x1", "linkedin:o"), k("n3", 3), row("x2", "linkedin:o"), k("n1", 1), k("n2", 2), row("x3", "linkedin:o")],
      4,
    );
    expect(ids(batches)).toEqual([
      ["x1", "n1", "n2", "n3"],
      ["x2", "x3"],
    ]);
  });
});
