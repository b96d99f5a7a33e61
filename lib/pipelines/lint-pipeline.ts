// SEEK's modelling guidance (seed 001) as findings a hirer can act on. Severity rule (ADR 0021): an error
// only where saving would fail or SEEK would receive something invalid; every piece of modelling advice
// is a warning and never blocks a save.
import { looksEnded, looksInProgress, looksRolledUp } from "./label-heuristics";
import { PIPELINE_KEY_PATTERN, type TPipelineDefinition, ZPipelineDefinition } from "./pipeline-definition";

export type TLintSeverity = "error" | "warning";
export type TLintPath = (string | number)[];
export type TLintFinding = { severity: TLintSeverity; code: string; message: string; path: TLintPath };

export const MAX_LABEL_LENGTH = 200;
/** Beyond this a label still saves, but reads badly where SEEK shows it. */
export const LONG_LABEL_LENGTH = 60;

const q = (label: string) => `“${label.trim()}”`;

function labelFindings(label: string, path: TLintPath, what: string): TLintFinding[] {
  const length = label.trim().length;
  if (length === 0) {
    return [{ severity: "error", code: "empty-label", message: `Give this ${what} a label.`, path }];
  }
  if (length > MAX_LABEL_LENGTH) {
    const message = `This ${what} label has ${length} characters; the limit is ${MAX_LABEL_LENGTH}. Shorten it.`;
    return [{ severity: "error", code: "label-too-long", message, path }];
  }
  if (length > LONG_LABEL_LENGTH) {
    const message = `This ${what} label has ${length} characters. SEEK shows labels to people: a short name (at most ${LONG_LABEL_LENGTH} characters) like “First interview” reads best.`;
    return [{ severity: "warning", code: "label-long", message, path }];
  }
  return [];
}

function duplicateLabelFindings(items: { label: string }[], list: "statuses" | "phases"): TLintFinding[] {
  const firstRow = new Map<string, number>();
  const findings: TLintFinding[] = [];
  items.forEach((item, i) => {
    const normal = item.label.trim().toLowerCase();
    if (!normal) return;
    const first = firstRow.get(normal);
    if (first === undefined) {
      firstRow.set(normal, i);
      return;
    }
    const what = list === "statuses" ? "status" : "phase";
    findings.push({
      severity: "warning",
      code: "duplicate-label",
      message: `${q(item.label)} is also the label of ${what} ${first + 1}. SEEK shows labels, so the two would look like one ${what}: rename one of them.`,
      path: [list, i, "label"],
    });
  });
  return findings;
}

function keyFindings(items: { key: string }[], list: "statuses" | "phases"): TLintFinding[] {
  const seen = new Set<string>();
  const findings: TLintFinding[] = [];
  items.forEach((item, i) => {
    const path = [list, i, "key"];
    if (!PIPELINE_KEY_PATTERN.test(item.key)) {
      const message = `The key “${item.key}” is not valid: use 1–100 letters, digits, '.', '_' or '-', starting with a letter or digit.`;
      findings.push({ severity: "error", code: "invalid-key", message, path });
    } else if (seen.has(item.key)) {
      const message = `The key “${item.key}” is used twice. Keys identify statuses and phases in the API, so each must be unique.`;
      findings.push({ severity: "error", code: "duplicate-key", message, path });
    }
    seen.add(item.key);
  });
  return findings;
}

function rollUpFinding(label: string, path: TLintPath): TLintFinding[] {
  if (!looksRolledUp(label)) return [];
  const message = `${q(label)} looks like a roll-up or mapped category, not a status the hirer uses. SEEK asks for statuses passed through as-is, exactly as hirers see them; do not map or group them into generic buckets.`;
  return [{ severity: "warning", code: "rolled-up-label", message, path }];
}

export function lintPipeline(pipeline: TPipelineDefinition): TLintFinding[] {
  const findings: TLintFinding[] = [];
  const phases = pipeline.phases ?? [];
  const hasPhases = phases.length > 0;
  const phaseIndex = new Map(phases.map((p, i) => [p.key, i]));
  const isApplication = pipeline.kind === "application";

  if (!pipeline.name.trim()) {
    findings.push({ severity: "error", code: "empty-name", message: "Give the pipeline a name.", path: ["name"] });
  }
  if (pipeline.statuses.length === 0) {
    const message =
      "This pipeline has no statuses. Add the statuses of your process in order, or start from a template.";
    findings.push({ severity: "error", code: "empty-pipeline", message, path: ["statuses"] });
  }

  findings.push(...keyFindings(phases, "phases"), ...keyFindings(pipeline.statuses, "statuses"));

  phases.forEach((phase, i) => {
    findings.push(...labelFindings(phase.label, ["phases", i, "label"], "phase"));
    findings.push(...rollUpFinding(phase.label, ["phases", i, "label"]));
    if (!pipeline.statuses.some((s) => s.phase === phase.key)) {
      findings.push({
        severity: "warning",
        code: "unused-phase",
        message: `Phase ${q(phase.label)} has no statuses, yet it counts in the phase total SEEK receives (${phases.length} phases). Assign statuses to it or delete it.`,
        path: ["phases", i],
      });
    }
  });
  findings.push(...duplicateLabelFindings(phases, "phases"));

  let previous: { label: string; phase: number } | undefined;
  pipeline.statuses.forEach((status, i) => {
    const at = (field: string): TLintPath => ["statuses", i, field];
    findings.push(...labelFindings(status.label, at("label"), "status"));
    findings.push(...rollUpFinding(status.label, at("label")));

    if (status.phase !== undefined && !phaseIndex.has(status.phase)) {
      const message = `${q(status.label)} names the phase “${status.phase}”, which does not exist. Choose one of the pipeline's phases.`;
      findings.push({ severity: "error", code: "unknown-phase", message, path: at("phase") });
    } else if (hasPhases && status.phase === undefined) {
      const message = `${q(status.label)} has no phase. When a pipeline has phases, every status must be in one, or SEEK would receive it without its phase. Choose a phase for it.`;
      findings.push({ severity: "error", code: "status-without-phase", message, path: at("phase") });
    }

    if (status.success === false && looksInProgress(status.label)) {
      findings.push({
        severity: "warning",
        code: "final-unsuccessful-looks-in-progress",
        message: `${q(status.label)} is marked final-unsuccessful, but its label reads like a step still in progress. Final-unsuccessful (success false) tells SEEK the process ended here without a placement; a status that is not final must be “not final” (success null).`,
        path: at("success"),
      });
    } else if (status.success === null && looksEnded(status.label)) {
      findings.push({
        severity: "warning",
        code: "not-final-looks-final",
        message: `${q(status.label)} reads like an end of the process but is marked not final. If the process ends here, mark it final-unsuccessful, or final-successful if the candidate was placed or the position filled, so SEEK learns the outcome.`,
        path: at("success"),
      });
    }

    const phase = status.phase === undefined ? undefined : phaseIndex.get(status.phase);
    if (phase !== undefined) {
      if (previous && phase < previous.phase) {
        const total = phases.length;
        findings.push({
          severity: "warning",
          code: "phase-order",
          message: `${q(status.label)} (phase ${phase + 1} of ${total}) comes after ${q(previous.label)} (phase ${previous.phase + 1} of ${total}). SEEK infers progress from the indexes, so order statuses so that their phases do not go backwards, as a best approximation.`,
          path: at("phase"),
        });
      }
      previous = { label: status.label, phase };
    }

    if (status.seekHistoryStatus) {
      if (!isApplication) {
        const message = `Interaction history applies only to application pipelines; the mapping on ${q(status.label)} is ignored. Set it to none.`;
        findings.push({
          severity: "warning",
          code: "history-status-on-position",
          message,
          path: at("seekHistoryStatus"),
        });
      } else if (
        (status.success === true && status.seekHistoryStatus === "Unsuccessful") ||
        (status.success === false && status.seekHistoryStatus === "Successful")
      ) {
        const message = `${q(status.label)} is marked final-${status.success ? "successful" : "unsuccessful"} but mapped to the interaction history status “${status.seekHistoryStatus}”. Make the two agree.`;
        findings.push({
          severity: "warning",
          code: "history-status-contradicts",
          message,
          path: at("seekHistoryStatus"),
        });
      }
    }
  });
  findings.push(...duplicateLabelFindings(pipeline.statuses, "statuses"));

  if (pipeline.statuses.length > 0 && !pipeline.statuses.some((s) => s.success === true)) {
    const example = isApplication ? "the candidate is placed (e.g. “Hired”)" : "the position is filled (e.g. “Filled”)";
    findings.push({
      severity: "warning",
      code: "no-final-successful",
      message: `No status is marked final-successful. Mark the status where ${example} as final-successful, so SEEK learns when the process succeeds.`,
      path: ["statuses"],
    });
  }

  return [...findings, ...remainingSchemaErrors(pipeline, findings)];
}

/** Whatever else the API's schema rejects, so that lint errors and a failing save always agree. */
function remainingSchemaErrors(pipeline: TPipelineDefinition, found: TLintFinding[]): TLintFinding[] {
  const parsed = ZPipelineDefinition.safeParse(pipeline);
  if (parsed.success) return [];
  const covered = new Set(found.filter((f) => f.severity === "error").map((f) => f.path.join(".")));
  return parsed.error.issues
    .map((issue) => ({ issue, path: issue.path.filter((p): p is string | number => typeof p !== "symbol") }))
    .filter(({ path }) => !covered.has(path.join(".")))
    .map(({ issue, path }) => ({ severity: "error", code: "invalid", message: issue.message, path }));
}
