import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { ZPipelineDefinition } from "./pipeline-definition";
import { findingsFromSaveIssues, pipelineSaveFailure } from "./pipeline-save-result";

describe("pipelineSaveFailure", () => {
  it("carries an AppError's message and zod issues by path back to the editor", () => {
    const parsed = ZPipelineDefinition.safeParse({
      name: "x",
      kind: "application",
      statuses: [{ key: "a", label: "", success: null }],
    });
    if (parsed.success) throw new Error("expected a failure");
    const failure = pipelineSaveFailure(new AppError("BAD_REQUEST", "The pipeline is not valid.", parsed.error.issues));
    expect(failure).toEqual({
      ok: false,
      message: "The pipeline is not valid.",
      issues: [{ path: ["statuses", 0, "label"], message: "must not be empty" }],
    });
    expect(findingsFromSaveIssues(failure.ok ? [] : failure.issues)).toEqual([
      { severity: "error", code: "save-refused", message: "must not be empty", path: ["statuses", 0, "label"] },
    ]);
  });

  it("leaves issues out when there are none", () => {
    expect(pipelineSaveFailure(new AppError("UNPROCESSABLE", "Kind cannot change."))).toEqual({
      ok: false,
      message: "Kind cannot change.",
    });
  });
});
