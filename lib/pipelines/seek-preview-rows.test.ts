import { describe, expect, it } from "vitest";
import { pipelineFromTemplate } from "./pipeline-templates";
import { seekPreviewRows } from "./seek-preview-rows";

describe("seekPreviewRows", () => {
  it("shows for every status exactly the phase and status label/index/total and success SEEK receives", () => {
    const rows = seekPreviewRows(pipelineFromTemplate("application-two-level")!);
    expect(rows).toHaveLength(14);
    expect(rows[7]).toEqual({
      key: "offer-accepted",
      state: {
        phase: { label: "Offer", index: 4, total: 7 },
        status: { label: "Offer accepted", index: 8, total: 14 },
        success: null,
      },
    });
    expect(rows.at(-1)?.state.status).toEqual({ label: "Not suitable", index: 14, total: 14 });
  });

  it("omits the phase for a flat pipeline", () => {
    const rows = seekPreviewRows(pipelineFromTemplate("position-flat")!);
    expect(rows[5]).toEqual({
      key: "withdrawn",
      state: { status: { label: "Withdrawn", index: 6, total: 6 }, success: false },
    });
  });

  it("shows labels as they will be stored: trimmed", () => {
    const pipeline = pipelineFromTemplate("position-flat")!;
    pipeline.statuses[0]!.label = "  Draft  ";
    expect(seekPreviewRows(pipeline)[0]?.state.status.label).toBe("Draft");
  });
});
