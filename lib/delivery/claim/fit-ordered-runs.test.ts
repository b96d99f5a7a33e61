import { describe, expect, it } from "vitest";
import { fitOrderedRuns } from "./fit-ordered-runs";

const heads = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `h${i}` }));
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe("fitOrderedRuns", () => {
  it("keeps every head when runs are short: one row per key fills the budget with heads", () => {
    const fit = fitOrderedRuns(heads(400), new Map(), { maxRun: 100, budget: 400 });
    expect(fit.keep).toHaveLength(400);
    expect(fit.giveBack).toEqual([]);
  });

  it("keeps heads in claim order while their whole runs fit, and gives the rest back", () => {
    const followers = new Map(heads(400).map((h) => [h.id, 250]));
    const fit = fitOrderedRuns(heads(400), followers, { maxRun: 100, budget: 400 });
    expect(ids(fit.keep)).toEqual(["h0", "h1", "h2", "h3"]);
    expect(fit.giveBack).toHaveLength(396);
  });

  it("a later short run may still fill what a long one left over", () => {
    const followers = new Map([
      ["h0", 60],
      ["h1", 60],
      ["h2", 0],
    ]);
    const fit = fitOrderedRuns(heads(3), followers, { maxRun: 100, budget: 100 });
    expect(ids(fit.keep)).toEqual(["h0", "h2"]);
    expect(ids(fit.giveBack)).toEqual(["h1"]);
  });

  it("always keeps the first head, so a claim makes progress", () => {
    const fit = fitOrderedRuns(heads(2), new Map([["h0", 500]]), { maxRun: 100, budget: 10 });
    expect(ids(fit.keep)).toEqual(["h0"]);
  });
});
