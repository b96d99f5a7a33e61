// JSON in and out of the editor, in exactly the shape of PUT /api/v1/pipelines/{key}, so what a hirer
// exports can be sent to the API as-is and what the API returns can be pasted back.
import { lintImportedJson } from "./lint-imported-json";
import type { TLintFinding } from "./lint-pipeline";
import { type TPipelineDefinition, type TPipelineKind, ZPipelineDefinition } from "./pipeline-definition";

/** The definition with keys in the API's order and optional fields left out when unset. */
export function exportPipelineJson(pipeline: TPipelineDefinition): string {
  const canonical = {
    name: pipeline.name,
    kind: pipeline.kind,
    ...(pipeline.phases ? { phases: pipeline.phases.map(({ key, label }) => ({ key, label })) } : {}),
    statuses: pipeline.statuses.map((s) => ({
      key: s.key,
      label: s.label,
      ...(s.phase !== undefined ? { phase: s.phase } : {}),
      success: s.success,
      ...(s.seekHistoryStatus ? { seekHistoryStatus: s.seekHistoryStatus } : {}),
    })),
  };
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

export type TPipelineImport =
  | { ok: true; definition: TPipelineDefinition; findings: TLintFinding[] }
  | { ok: false; findings: TLintFinding[] };

/**
 * Parses pasted JSON. `ok` means it can replace the pipeline being edited (valid for the API, and of the
 * kind being edited: a pipeline's kind never changes); findings hold the reasons and the lint warnings.
 */
export function importPipelineJson(text: string, expectedKind?: TPipelineKind): TPipelineImport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      findings: [{ severity: "error", code: "invalid-json", message: `This is not valid JSON: ${detail}`, path: [] }],
    };
  }
  const findings = lintImportedJson(raw);
  const parsed = ZPipelineDefinition.safeParse(raw);
  if (!parsed.success) return { ok: false, findings };
  if (expectedKind && parsed.data.kind !== expectedKind) {
    const message = `This is a ${parsed.data.kind} pipeline, but you are editing a ${expectedKind} pipeline. A pipeline's kind cannot change: import a ${expectedKind} pipeline, or create a new pipeline for it.`;
    return {
      ok: false,
      findings: [{ severity: "error", code: "kind-mismatch", message, path: ["kind"] }, ...findings],
    };
  }
  return { ok: true, definition: parsed.data, findings };
}
