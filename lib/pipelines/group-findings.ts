// Lint findings sorted by what they are about, so the editor can mark each status and phase row and keep
// pipeline-wide findings at the top of the panel.
import type { TLintFinding } from "./lint-pipeline";

export type TGroupedFindings = {
  pipeline: TLintFinding[];
  statuses: Map<number, TLintFinding[]>;
  phases: Map<number, TLintFinding[]>;
};

/** Where a finding points: a status row, a phase row, or the pipeline as a whole. */
export function findingTarget(finding: TLintFinding): { list: "statuses" | "phases"; index: number } | undefined {
  const [list, index] = finding.path;
  if ((list === "statuses" || list === "phases") && typeof index === "number") return { list, index };
  return undefined;
}

export function groupFindings(findings: TLintFinding[]): TGroupedFindings {
  const grouped: TGroupedFindings = { pipeline: [], statuses: new Map(), phases: new Map() };
  for (const finding of findings) {
    const target = findingTarget(finding);
    if (!target) {
      grouped.pipeline.push(finding);
      continue;
    }
    const map = grouped[target.list];
    map.set(target.index, [...(map.get(target.index) ?? []), finding]);
  }
  return grouped;
}

/** Errors first, then warnings; otherwise in the order found. */
export function sortFindings(findings: TLintFinding[]): TLintFinding[] {
  return [...findings].sort((a, b) => Number(a.severity === "warning") - Number(b.severity === "warning"));
}
