import { describe, expect, it } from "vitest";
import { ZPipelineDefinition } from "./pipeline-definition";
import { seekStateFor } from "./seek-state";

const twoLevel = ZPipelineDefinition.parse({
  name: "Standard hiring",
  kind: "application",
  phases: [
    { key: "screen", label: "Screening" },
    { key: "hired", label: "Hired" },
  ],
  statuses: [
    { key: "new", label: "New", phase: "screen", success: null },
    { key: "declined", label: "Offer declined", phase: "screen", success: false },
    { key: "placed", label: "Hired", phase: "hired", success: true },
  ],
});

describe("seekStateFor", () => {
  it("indexes statuses and phases 1-based so the last index equals the total", () => {
    expect(seekStateFor(twoLevel, "placed")).toEqual({
      phase: { label: "Hired", index: 2, total: 2 },
      status: { label: "Hired", index: 3, total: 3 },
      success: true,
    });
    expect(seekStateFor(twoLevel, "new")).toEqual({
      phase: { label: "Screening", index: 1, total: 2 },
      status: { label: "New", index: 1, total: 3 },
      success: null,
    });
  });

  it("omits phase for a flat pipeline", () => {
    const flat = ZPipelineDefinition.parse({
      name: "Flat",
      kind: "position",
      statuses: [
        { key: "open", label: "Open", success: null },
        { key: "filled", label: "Filled", success: true },
      ],
    });
    expect(seekStateFor(flat, "open")).toEqual({ status: { label: "Open", index: 1, total: 2 }, success: null });
  });

  it("returns undefined for a status not in the pipeline", () => {
    expect(seekStateFor(twoLevel, "nope")).toBeUndefined();
  });
});

describe("ZPipelineDefinition", () => {
  it("requires every status to name a known phase when phases are present", () => {
    const result = ZPipelineDefinition.safeParse({
      name: "x",
      kind: "application",
      phases: [{ key: "a", label: "A" }],
      statuses: [
        { key: "s1", label: "S1", success: null },
        { key: "s2", label: "S2", phase: "zzz", success: null },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["statuses.0.phase", "statuses.1.phase"]);
  });

  it("rejects duplicate status keys", () => {
    const result = ZPipelineDefinition.safeParse({
      name: "x",
      kind: "application",
      statuses: [
        { key: "a", label: "A", success: null },
        { key: "a", label: "B", success: null },
      ],
    });
    expect(result.success).toBe(false);
  });
});
