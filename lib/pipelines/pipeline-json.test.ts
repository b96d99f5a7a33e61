import { describe, expect, it } from "vitest";
import type { TPipelineDefinition } from "./pipeline-definition";
import { exportPipelineJson, importPipelineJson } from "./pipeline-json";
import { PIPELINE_TEMPLATES, pipelineFromTemplate } from "./pipeline-templates";

describe("exportPipelineJson / importPipelineJson", () => {
  it("round-trips every template through the API's JSON shape", () => {
    for (const t of PIPELINE_TEMPLATES) {
      const result = importPipelineJson(exportPipelineJson(t.definition), t.kind);
      expect(result).toEqual({ ok: true, definition: t.definition, findings: [] });
    }
  });

  it("exports { name, kind, phases?, statuses } in that order, without unset optional fields", () => {
    const pipeline: TPipelineDefinition = {
      name: "Hiring",
      kind: "application",
      statuses: [
        { key: "new", label: "New", success: null, seekHistoryStatus: null },
        { key: "hired", label: "Hired", success: true, seekHistoryStatus: "Successful" },
      ],
    };
    const json = JSON.parse(exportPipelineJson(pipeline));
    expect(Object.keys(json)).toEqual(["name", "kind", "statuses"]);
    expect(json.statuses).toEqual([
      { key: "new", label: "New", success: null },
      { key: "hired", label: "Hired", success: true, seekHistoryStatus: "Successful" },
    ]);
    const twoLevel = JSON.parse(exportPipelineJson(pipelineFromTemplate("application-two-level")!));
    expect(Object.keys(twoLevel)).toEqual(["name", "kind", "phases", "statuses"]);
  });

  it("keeps user text as data: a label with markup round-trips literally", () => {
    const pipeline: TPipelineDefinition = {
      name: "</script><b>x</b>",
      kind: "position",
      statuses: [{ key: "open", label: '<script>alert("1")</script>', success: true }],
    };
    const result = importPipelineJson(exportPipelineJson(pipeline));
    expect(result.ok && result.definition).toEqual(pipeline);
  });

  it("refuses text that is not JSON, saying so", () => {
    const result = importPipelineJson("{ name: ");
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.code)).toEqual(["invalid-json"]);
    expect(result.findings[0]?.message).toMatch(/^This is not valid JSON: /);
  });

  it("refuses a pipeline the API would reject, with errors by path", () => {
    const result = importPipelineJson(JSON.stringify({ name: "x", kind: "application", statuses: [] }));
    expect(result).toMatchObject({ ok: false, findings: [{ severity: "error", path: ["statuses"] }] });
  });

  it("refuses a pipeline of the other kind: a pipeline's kind never changes", () => {
    const position = exportPipelineJson(pipelineFromTemplate("position-flat")!);
    const result = importPipelineJson(position, "application");
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.code)).toEqual(["kind-mismatch"]);
  });

  it("accepts a pipeline with warnings and hands them back", () => {
    const text = JSON.stringify({
      name: "x",
      kind: "application",
      statuses: [{ key: "a", label: "Stage 1", success: null }],
    });
    const result = importPipelineJson(text, "application");
    expect(result.ok).toBe(true);
    expect(result.findings.map((f) => f.code)).toEqual(["rolled-up-label", "no-final-successful"]);
  });
});
