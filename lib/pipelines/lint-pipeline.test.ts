import { describe, expect, it } from "vitest";
import { lintPipeline, type TLintFinding } from "./lint-pipeline";
import type { TPipelineDefinition, TPipelineStatus } from "./pipeline-definition";
import { ZPipelineDefinition } from "./pipeline-definition";
import { PIPELINE_TEMPLATES } from "./pipeline-templates";

const status = (key: string, label: string, success: boolean | null, extra: Partial<TPipelineStatus> = {}) => ({
  key,
  label,
  success,
  ...extra,
});

const flat = (statuses: TPipelineStatus[], kind: "application" | "position" = "application"): TPipelineDefinition => ({
  name: "Hiring",
  kind,
  statuses,
});

const ok = [status("new", "New", null), status("hired", "Hired", true)];

const codes = (findings: TLintFinding[]) => findings.map((f) => `${f.severity}:${f.code}@${f.path.join(".")}`);

describe("lintPipeline", () => {
  it("finds nothing to say about SEEK's own examples (every template)", () => {
    for (const template of PIPELINE_TEMPLATES) {
      expect(lintPipeline(template.definition), template.key).toEqual([]);
    }
  });

  it("warns when no status is final-successful: without success true SEEK never learns of a placement", () => {
    const findings = lintPipeline(flat([status("new", "New", null), status("declined", "Offer declined", false)]));
    expect(codes(findings)).toEqual(["warning:no-final-successful@statuses"]);
    expect(findings[0]?.message).toContain("“Hired”");
    const position = lintPipeline(flat([status("open", "Open", null)], "position"));
    expect(position[0]?.message).toContain("“Filled”");
  });

  it("warns when a final-unsuccessful status reads like a step in progress: false means final, non-final must be null", () => {
    for (const label of ["Interview", "Screening", "Review", "Second interview"]) {
      const findings = lintPipeline(flat([...ok, status("x", label, false)]));
      expect(codes(findings), label).toEqual(["warning:final-unsuccessful-looks-in-progress@statuses.2.success"]);
      expect(findings[0]?.message).toContain("success null");
    }
    expect(lintPipeline(flat([...ok, status("x", "Rejected after interview", false)]))).toEqual([]);
  });

  it("warns when a not-final status reads like an outcome, so the outcome reaches SEEK", () => {
    const findings = lintPipeline(flat([...ok, status("d", "Offer declined", null)]));
    expect(codes(findings)).toEqual(["warning:not-final-looks-final@statuses.2.success"]);
  });

  it("reports an error when phases are present but a status has none: SEEK would get a status without its phase", () => {
    const findings = lintPipeline({
      name: "Hiring",
      kind: "application",
      phases: [{ key: "p", label: "Process" }],
      statuses: [status("new", "New", null, { phase: "p" }), status("hired", "Hired", true)],
    });
    expect(codes(findings)).toEqual(["error:status-without-phase@statuses.1.phase"]);
  });

  it("reports an error for a status in a phase that does not exist", () => {
    const findings = lintPipeline(
      flat([status("new", "New", null, { phase: "gone" }), status("hired", "Hired", true)]),
    );
    expect(codes(findings)).toEqual(["error:unknown-phase@statuses.0.phase"]);
  });

  it("warns about duplicate labels, because SEEK shows labels", () => {
    const findings = lintPipeline(flat([...ok, status("int", "Interview", null), status("int2", " interview ", null)]));
    expect(codes(findings)).toEqual(["warning:duplicate-label@statuses.3.label"]);
    expect(findings[0]?.message).toContain("status 3");
  });

  it("warns about labels that look like a roll-up or mapping: pass statuses through as-is", () => {
    for (const label of [
      "Stage 1",
      "Status A",
      "Mapped interview",
      "Other",
      "Generic",
      "Category 2",
      "Bucket",
      "Level 2",
    ]) {
      const findings = lintPipeline(flat([...ok, status("x", label, null)]));
      expect(codes(findings), label).toEqual(["warning:rolled-up-label@statuses.2.label"]);
    }
    const phases = lintPipeline({
      name: "Hiring",
      kind: "application",
      phases: [{ key: "s1", label: "Stage 1" }],
      statuses: ok.map((s) => ({ ...s, phase: "s1" })),
    });
    expect(codes(phases)).toEqual(["warning:rolled-up-label@phases.0.label"]);
  });

  it("warns about a phase without statuses: it still counts in the phase total", () => {
    const findings = lintPipeline({
      name: "Hiring",
      kind: "application",
      phases: [
        { key: "a", label: "Applied" },
        { key: "b", label: "Interview" },
      ],
      statuses: ok.map((s) => ({ ...s, phase: "a" })),
    });
    expect(codes(findings)).toEqual(["warning:unused-phase@phases.1"]);
    expect(findings[0]?.message).toContain("2 phases");
  });

  it("reports an error for an empty pipeline", () => {
    expect(codes(lintPipeline(flat([])))).toEqual(["error:empty-pipeline@statuses"]);
  });

  it("reports an error for a label over 200 characters and warns from 61, since SEEK shows labels", () => {
    expect(codes(lintPipeline(flat([...ok, status("x", "x".repeat(201), null)])))).toEqual([
      "error:label-too-long@statuses.2.label",
    ]);
    expect(codes(lintPipeline(flat([...ok, status("x", "x".repeat(61), null)])))).toEqual([
      "warning:label-long@statuses.2.label",
    ]);
    expect(lintPipeline(flat([...ok, status("x", "x".repeat(60), null)]))).toEqual([]);
  });

  it("reports an error for an empty label or name", () => {
    expect(codes(lintPipeline({ ...flat([...ok, status("x", "  ", null)]), name: "" }))).toEqual([
      "error:empty-name@name",
      "error:empty-label@statuses.2.label",
    ]);
  });

  it("reports an error for duplicate or malformed keys", () => {
    expect(codes(lintPipeline(flat([...ok, status("new", "Fresh", null), status("a b", "Spaced", null)])))).toEqual([
      "error:duplicate-key@statuses.2.key",
      "error:invalid-key@statuses.3.key",
    ]);
  });

  it("warns when phases go backwards as statuses advance: SEEK infers progress from both indexes", () => {
    const findings = lintPipeline({
      name: "Hiring",
      kind: "application",
      phases: [
        { key: "a", label: "Applied" },
        { key: "b", label: "Hired" },
      ],
      statuses: [
        status("new", "New", null, { phase: "a" }),
        status("hired", "Hired", true, { phase: "b" }),
        status("again", "Returned", null, { phase: "a" }),
      ],
    });
    expect(codes(findings)).toEqual(["warning:phase-order@statuses.2.phase"]);
  });

  it("warns when interaction history is mapped on a position pipeline or contradicts the outcome", () => {
    const position = lintPipeline(
      flat(
        [status("open", "Open", null), status("filled", "Filled", true, { seekHistoryStatus: "Successful" })],
        "position",
      ),
    );
    expect(codes(position)).toEqual(["warning:history-status-on-position@statuses.1.seekHistoryStatus"]);
    const contradiction = lintPipeline(flat([status("hired", "Hired", true, { seekHistoryStatus: "Unsuccessful" })]));
    expect(codes(contradiction)).toEqual(["warning:history-status-contradicts@statuses.0.seekHistoryStatus"]);
  });

  it("reports an error exactly when the API's schema would reject the pipeline, and warnings never do", () => {
    const samples: TPipelineDefinition[] = [
      flat(ok),
      flat([]),
      flat([...ok, status("x", "Interview", false)]),
      flat([status("new", "New", null, { phase: "gone" })]),
      { ...flat(ok), phases: [{ key: "p", label: "P" }] },
      { ...flat(ok), phases: [{ key: "p", label: "" }] },
      {
        ...flat(ok),
        phases: [
          { key: "p", label: "P" },
          { key: "p", label: "Q" },
        ],
      },
      { ...flat(ok), name: " " },
      flat([...ok, status("x", "Stage 1", null), status("y", "Stage 1", null)]),
    ];
    for (const sample of samples) {
      const hasErrors = lintPipeline(sample).some((f) => f.severity === "error");
      expect(hasErrors, JSON.stringify(sample)).toBe(!ZPipelineDefinition.safeParse(sample).success);
    }
  });
});
