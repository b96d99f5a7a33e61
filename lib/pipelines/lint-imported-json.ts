// An imported pipeline is checked as raw JSON first: ATS exports are often trees (phases holding statuses
// holding sub-statuses), and SEEK supports two levels only (seed 001: "map the two most specific levels").
// Zod would only say "unrecognized key"; this says what to do. Then the usual schema and lint apply.
import { z } from "zod";
import { lintPipeline, type TLintFinding, type TLintPath } from "./lint-pipeline";
import { ZPipelineDefinition, ZPipelineKind, ZSeekHistoryStatusCode } from "./pipeline-definition";
import { findingsFromZodIssues } from "./zod-issue-findings";

type Nested = { path: TLintPath; list: "phases" | "statuses"; label: string; field: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isObjectArray = (value: unknown): value is Record<string, unknown>[] =>
  Array.isArray(value) && value.length > 0 && value.every(isRecord);

/** Levels of hierarchy under (and including) a node: 1 for a leaf. */
function levelsOf(node: Record<string, unknown>): number {
  const children = Object.values(node).filter(isObjectArray).flat();
  return 1 + Math.max(0, ...children.map(levelsOf));
}

function nestedIn(list: "phases" | "statuses", items: unknown): Nested[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, i) =>
    isRecord(item)
      ? Object.entries(item)
          .filter(([, value]) => isObjectArray(value))
          .map(([field]) => ({
            path: [list, i, field],
            list,
            field,
            label: String(item.label ?? item.name ?? item.key ?? `#${i + 1}`),
          }))
      : [],
  );
}

function nestingFindings(raw: Record<string, unknown>): TLintFinding[] {
  const depth = (items: unknown) => (Array.isArray(items) ? Math.max(0, ...items.filter(isRecord).map(levelsOf)) : 0);
  // A phase is one level above the top-level statuses; a tree inside the phases counts on its own.
  const phaseLevels = depth(raw.phases);
  const levels = Math.max(phaseLevels, Math.min(phaseLevels, 1) + depth(raw.statuses));
  return [...nestedIn("phases", raw.phases), ...nestedIn("statuses", raw.statuses)].map((nested) => {
    const where = `${nested.list === "phases" ? "Phase" : "Status"} “${nested.label}” contains “${nested.field}”`;
    if (levels > 2) {
      return {
        severity: "error",
        code: "too-many-levels",
        message: `${where}: this import has ${levels} levels, and SEEK supports two (phase and status). Map the two most specific levels: make the innermost steps the statuses and their parents the phases.`,
        path: nested.path,
      };
    }
    return {
      severity: "error",
      code: "nested-statuses",
      message: `${where}. List every status in the top-level “statuses” array, in process order, and name its phase with "phase": "<phase key>".`,
      path: nested.path,
    };
  });
}

// The API's shape without its value rules: if an import has this shape, the linter can explain what is
// wrong with it; if not, only the schema's issues can.
const ZLooseDefinition = z
  .object({
    name: z.string(),
    kind: ZPipelineKind,
    phases: z.array(z.object({ key: z.string(), label: z.string() }).strict()).optional(),
    statuses: z.array(
      z
        .object({
          key: z.string(),
          label: z.string(),
          phase: z.string().optional(),
          success: z.boolean().nullable(),
          seekHistoryStatus: ZSeekHistoryStatusCode.nullable().optional(),
        })
        .strict(),
    ),
  })
  .strict();

export function lintImportedJson(raw: unknown): TLintFinding[] {
  if (!isRecord(raw)) {
    const message = 'Expected a JSON object like { "name": ..., "kind": ..., "statuses": [...] }.';
    return [{ severity: "error", code: "not-an-object", message, path: [] }];
  }
  const nesting = nestingFindings(raw);
  const loose = ZLooseDefinition.safeParse(raw);
  if (loose.success) return [...nesting, ...lintPipeline(loose.data)];
  // Anything that fails the loose shape fails the API's schema too; its issues say where.
  const strict = ZPipelineDefinition.safeParse(raw);
  if (strict.success) return [...nesting, ...lintPipeline(strict.data)];
  const reported = new Set(nesting.map((n) => n.path.join(".")));
  const issues = strict.error.issues.filter(
    (issue) =>
      !(
        issue.code === "unrecognized_keys" &&
        issue.keys.every((key) => reported.has([...issue.path, key].map(String).join(".")))
      ),
  );
  return [...nesting, ...findingsFromZodIssues(issues)];
}
