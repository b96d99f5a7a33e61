import { describe, expect, it } from "vitest";
import { lintPipeline } from "./lint-pipeline";
import {
  addPhase,
  deletePhase,
  isTwoLevel,
  movePhase,
  movePhaseDown,
  movePhaseUp,
  renamePhase,
  toFlat,
  toTwoLevel,
} from "./phase-edits";
import type { TPipelineDefinition } from "./pipeline-definition";
import { ZPipelineDefinition } from "./pipeline-definition";
import { pipelineFromTemplate } from "./pipeline-templates";
import { seekStateFor } from "./seek-state";

const twoLevel = () => pipelineFromTemplate("application-two-level")!;
const flat = () => pipelineFromTemplate("application-flat")!;
const phaseKeys = (p: TPipelineDefinition) => p.phases?.map((ph) => ph.key);
const phaseOf = (p: TPipelineDefinition, key: string) => p.statuses.find((s) => s.key === key)?.phase;

describe("phase edits", () => {
  it("add phase: a unique key from the label, at the end or at an index", () => {
    const added = addPhase(twoLevel(), { label: "Offer" });
    expect(added.key).toBe("offer-2");
    expect(phaseKeys(added.pipeline)?.at(-1)).toBe("offer-2");
    expect(phaseKeys(addPhase(twoLevel(), { label: "Assessment", index: 3 }).pipeline)?.[3]).toBe("assessment");
  });

  it("the first phase added to a flat pipeline takes every status, so it stays valid", () => {
    const { pipeline, key } = addPhase(flat(), { label: "Hiring" });
    expect(pipeline.statuses.every((s) => s.phase === key)).toBe(true);
    expect(ZPipelineDefinition.safeParse(pipeline).success).toBe(true);
  });

  it("rename and reorder phases; the phase index SEEK receives follows the phase list", () => {
    expect(renamePhase(twoLevel(), "offer", "Offer stage").phases?.[3]).toEqual({ key: "offer", label: "Offer stage" });
    const moved = movePhase(twoLevel(), "closed", 0);
    expect(seekStateFor(moved, "not-suitable")?.phase).toEqual({ label: "Closed", index: 1, total: 7 });
    expect(phaseKeys(movePhaseUp(twoLevel(), "screening"))?.slice(0, 2)).toEqual(["screening", "applied"]);
    expect(phaseKeys(movePhaseDown(twoLevel(), "applied"))?.slice(0, 2)).toEqual(["screening", "applied"]);
    const original = twoLevel();
    expect(movePhaseUp(original, "applied")).toBe(original);
  });

  it("delete phase: its statuses move to the phase before it (or after it, if it was first)", () => {
    const withoutOffer = deletePhase(twoLevel(), "offer");
    expect(phaseOf(withoutOffer, "offer-accepted")).toBe("interview");
    const withoutFirst = deletePhase(twoLevel(), "applied");
    expect(phaseOf(withoutFirst, "new")).toBe("screening");
    expect(lintPipeline(withoutFirst)).toEqual([]);
  });

  it("delete phase with unassign: its statuses lose their phase and the linter reports each one", () => {
    const pipeline = deletePhase(twoLevel(), "offer", { statuses: "unassign" });
    expect(phaseOf(pipeline, "offer")).toBeUndefined();
    const errors = lintPipeline(pipeline).filter((f) => f.severity === "error");
    expect(errors.map((f) => f.path.join("."))).toEqual([
      "statuses.6.phase",
      "statuses.7.phase",
      "statuses.8.phase",
      "statuses.9.phase",
    ]);
  });

  it("deleting the last phase makes the pipeline flat", () => {
    const single = toTwoLevel(flat());
    const result = deletePhase(single, single.phases![0]!.key);
    expect(isTwoLevel(result)).toBe(false);
    expect(result).toEqual(flat());
  });

  it("convert flat → two-level (one phase holding every status) and back without losing statuses", () => {
    const two = toTwoLevel(flat(), "Hiring");
    expect(two.phases).toEqual([{ key: "hiring", label: "Hiring" }]);
    expect(lintPipeline(two)).toEqual([]);
    expect(toTwoLevel(two)).toBe(two);
    const back = toFlat(twoLevel());
    expect(back).not.toHaveProperty("phases");
    expect(back.statuses.map((s) => s.label)).toEqual(twoLevel().statuses.map((s) => s.label));
    expect(back.statuses.some((s) => "phase" in s)).toBe(false);
    expect(back).toEqual(flat());
  });
});
