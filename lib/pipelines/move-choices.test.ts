import { describe, expect, it } from "vitest";
import { moveChoices } from "./move-choices";
import type { TPipelineDefinition } from "./pipeline-definition";

const definition: TPipelineDefinition = {
  name: "Hiring",
  kind: "application",
  statuses: [
    { key: "new", label: "New", success: null },
    { key: "interview", label: "Interview", success: null },
    { key: "hired", label: "Hired", success: true },
  ],
};
const pipeline = { key: "std", version: { id: "v2", version: 2, definition } };
const what = { record: "application", field: "applicationPipeline" } as const;

describe("the Move to control", () => {
  it("offers every status of the current version in process order and preselects the one after the current", () => {
    const choices = moveChoices(pipeline, { statusKey: "new", versionId: "v2" }, what);
    expect(choices).toEqual({
      available: true,
      pipelineKey: "std",
      version: 2,
      preselected: "interview",
      choices: [
        { key: "new", label: "New", current: true },
        { key: "interview", label: "Interview", current: false },
        { key: "hired", label: "Hired", current: false },
      ],
    });
  });

  it("preselects the first status when there is none yet, and the last when the current is the last", () => {
    expect(moveChoices(pipeline, { statusKey: null, versionId: null }, what)).toMatchObject({ preselected: "new" });
    expect(moveChoices(pipeline, { statusKey: "hired", versionId: "v2" }, what)).toMatchObject({
      preselected: "hired",
    });
  });

  it("does not mark a status recorded in an older version as current: moving to its key again is a change", () => {
    const choices = moveChoices(pipeline, { statusKey: "new", versionId: "v1" }, what);
    expect(choices.available && choices.choices.some((c) => c.current)).toBe(false);
    expect(choices).toMatchObject({ preselected: "interview" });
  });

  it("explains why no move is possible without a pipeline or a saved version", () => {
    expect(moveChoices(null, { statusKey: null, versionId: null }, what)).toEqual({
      available: false,
      reason: 'This application has no pipeline to move through: the ATS sets "applicationPipeline" on the position.',
    });
    expect(moveChoices({ key: "std", version: null }, { statusKey: null, versionId: null }, what)).toEqual({
      available: false,
      reason: 'Pipeline "std" has no saved version yet.',
    });
  });
});
