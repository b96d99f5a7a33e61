import { describe, expect, it } from "vitest";
import { lintPipeline } from "./lint-pipeline";
import type { TPipelineDefinition } from "./pipeline-definition";
import {
  addStatus,
  assignStatusToPhase,
  deleteStatus,
  moveStatus,
  moveStatusDown,
  moveStatusUp,
  renamePipeline,
  renameStatus,
  setSeekHistoryStatus,
  setStatusSuccess,
} from "./pipeline-edits";
import { pipelineFromTemplate } from "./pipeline-templates";
import { seekStateFor } from "./seek-state";

const flat: TPipelineDefinition = {
  name: "Hiring",
  kind: "application",
  statuses: [
    { key: "new", label: "New", success: null },
    { key: "interview", label: "Interview", success: null },
    { key: "hired", label: "Hired", success: true },
  ],
};
const twoLevel = () => pipelineFromTemplate("application-two-level")!;
const keys = (p: TPipelineDefinition) => p.statuses.map((s) => s.key);

describe("status edits", () => {
  it("add status: a unique key generated from the label, at the end or at an index", () => {
    const added = addStatus(flat, { label: "Interview" });
    expect(added.key).toBe("interview-2");
    expect(keys(added.pipeline)).toEqual(["new", "interview", "hired", "interview-2"]);
    expect(added.pipeline.statuses[3]).toEqual({ key: "interview-2", label: "Interview", success: null });
    const inserted = addStatus(flat, { label: "Phone screen", index: 1 });
    expect(keys(inserted.pipeline)).toEqual(["new", "phone-screen", "interview", "hired"]);
    expect(flat.statuses).toHaveLength(3);
  });

  it("add status in a two-level pipeline joins the phase of the status before it, so the pipeline stays valid", () => {
    const { pipeline, key } = addStatus(twoLevel(), { label: "Third interview", index: 5 });
    expect(pipeline.statuses[5]).toMatchObject({ key, phase: "interview" });
    expect(addStatus(twoLevel(), { label: "X", phase: "offer" }).pipeline.statuses.at(-1)?.phase).toBe("offer");
    expect(lintPipeline(pipeline).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("rename changes the label SEEK sees, never the key the ATS sends", () => {
    const renamed = renameStatus(flat, "interview", "First interview");
    expect(renamed.statuses[1]).toEqual({ key: "interview", label: "First interview", success: null });
    expect(renamePipeline(flat, "Graduate hiring").name).toBe("Graduate hiring");
  });

  it("move up / down / to index changes the index SEEK receives", () => {
    expect(keys(moveStatusUp(flat, "interview"))).toEqual(["interview", "new", "hired"]);
    expect(keys(moveStatusDown(flat, "interview"))).toEqual(["new", "hired", "interview"]);
    expect(moveStatusUp(flat, "new")).toBe(flat);
    expect(moveStatusDown(flat, "hired")).toBe(flat);
    const moved = moveStatus(flat, "hired", 0);
    expect(keys(moved)).toEqual(["hired", "new", "interview"]);
    expect(seekStateFor(moved, "hired")?.status).toEqual({ label: "Hired", index: 1, total: 3 });
    expect(keys(moveStatus(flat, "new", 99))).toEqual(["interview", "hired", "new"]);
  });

  it("delete leaves a phase it empties in place, and the linter warns about it", () => {
    const pipeline = deleteStatus(twoLevel(), "new");
    expect(keys(pipeline)).not.toContain("new");
    expect(pipeline.phases?.map((p) => p.key)).toContain("applied");
    expect(lintPipeline(pipeline).map((f) => `${f.code}@${f.path.join(".")}`)).toEqual(["unused-phase@phases.0"]);
  });

  it("assign to phase, or to none (then the linter reports an error)", () => {
    const moved = assignStatusToPhase(twoLevel(), "new", "screening");
    expect(moved.statuses[0]?.phase).toBe("screening");
    const none = assignStatusToPhase(twoLevel(), "new", undefined);
    expect(none.statuses[0]).not.toHaveProperty("phase");
    expect(
      lintPipeline(none)
        .filter((f) => f.severity === "error")
        .map((f) => f.code),
    ).toEqual(["status-without-phase"]);
  });

  it("set final-successful / final-unsuccessful / not final", () => {
    expect(setStatusSuccess(flat, "interview", true).statuses[1]?.success).toBe(true);
    expect(setStatusSuccess(flat, "interview", false).statuses[1]?.success).toBe(false);
    expect(setStatusSuccess(flat, "hired", null).statuses[2]?.success).toBeNull();
  });

  it("set or clear the SEEK interaction-history status", () => {
    const mapped = setSeekHistoryStatus(flat, "interview", "Interview");
    expect(mapped.statuses[1]?.seekHistoryStatus).toBe("Interview");
    expect(setSeekHistoryStatus(mapped, "interview", null).statuses[1]).not.toHaveProperty("seekHistoryStatus");
  });

  it("an unknown key changes nothing", () => {
    expect(renameStatus(flat, "nope", "x")).toBe(flat);
    expect(deleteStatus(flat, "nope")).toBe(flat);
    expect(moveStatus(flat, "nope", 0).statuses).toBe(flat.statuses);
    expect(setStatusSuccess(flat, "nope", true)).toBe(flat);
  });
});
