// Schema failures shown like lint errors, each with the path it is about, so an import or a refused save
// points at the row to fix.
import type { z } from "zod";
import type { TLintFinding, TLintPath } from "./lint-pipeline";

/** `statuses[3].label`: the path as someone editing the JSON would look for it. */
export function formatLintPath(path: TLintPath): string {
  return path.reduce<string>(
    (text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    "",
  );
}

export function findingsFromZodIssues(issues: readonly z.core.$ZodIssue[]): TLintFinding[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const where = formatLintPath(path);
    return { severity: "error", code: "invalid", message: where ? `${where}: ${issue.message}` : issue.message, path };
  });
}
