// What the editor's onSave (a server action) answers. Expected failures arrive as values with issues by
// path, so the editor can show them against the rows they are about; anything else is unexpected.
import type { AppError } from "../errors/app-error";
import type { TLintFinding, TLintPath } from "./lint-pipeline";

export type TPipelineSaveIssue = { path: TLintPath; message: string };
/** A status the new version drops that records are still in (STATUS_IN_USE). */
export type TStatusInUse = { status: string; count: number };
export type TPipelineSaveResult =
  | { ok: true; version: number }
  | { ok: false; message: string; issues?: TPipelineSaveIssue[]; inUse?: TStatusInUse[] };

function statusInUseOf(raw: unknown): TStatusInUse | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { status, count } = raw as { status?: unknown; count?: unknown };
  return typeof status === "string" && typeof count === "number" ? { status, count } : undefined;
}

function issueOf(raw: unknown): TPipelineSaveIssue | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { path, message } = raw as { path?: unknown; message?: unknown };
  if (typeof message !== "string") return undefined;
  // API issues carry dotted string paths ("statuses.2.phase"); zod's own carry arrays.
  const segments = typeof path === "string" ? path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : path;
  const parts = Array.isArray(segments)
    ? segments.filter((p): p is string | number => typeof p === "string" || typeof p === "number")
    : [];
  return { path: parts, message };
}

/** For the server action: an AppError from savePipelineVersion as a failure the editor can show. */
export function pipelineSaveFailure(error: AppError): TPipelineSaveResult {
  // The editor asks where these records go and saves again with the answer (docs/decisions/0146).
  if (error.code === "STATUS_IN_USE") {
    const inUse = error.issues.map(statusInUseOf).filter((i): i is TStatusInUse => i !== undefined);
    return { ok: false, message: error.message, inUse };
  }
  const issues = error.issues.map(issueOf).filter((i): i is TPipelineSaveIssue => i !== undefined);
  return { ok: false, message: error.message, ...(issues.length ? { issues } : {}) };
}

/** A failed save's issues as error findings, shown in the lint panel beside the rows they name. */
export function findingsFromSaveIssues(issues: TPipelineSaveIssue[] | undefined): TLintFinding[] {
  return (issues ?? []).map((issue) => ({
    severity: "error",
    code: "save-refused",
    message: issue.message,
    path: issue.path,
  }));
}
