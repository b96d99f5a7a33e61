import { describe, expect, it } from "vitest";
import { lintImportedJson } from "./lint-imported-json";
import { PIPELINE_TEMPLATES } from "./pipeline-templates";

const codes = (raw: unknown) => lintImportedJson(raw).map((f) => `${f.severity}:${f.code}@${f.path.join(".")}`);

describe("lintImportedJson", () => {
  it("accepts the API's own shape and lints it like the editor does", () => {
    for (const t of PIPELINE_TEMPLATES) expect(lintImportedJson(JSON.parse(JSON.stringify(t.definition)))).toEqual([]);
    expect(
      codes({
        name: "x",
        kind: "application",
        statuses: [
          { key: "a", label: "Interview", success: false },
          { key: "b", label: "Hired", success: true },
        ],
      }),
    ).toEqual(["warning:final-unsuccessful-looks-in-progress@statuses.0.success"]);
  });

  it("reports more than two levels: statuses with sub-statuses under phases (SEEK supports phase and status only)", () => {
    const findings = lintImportedJson({
      name: "Deep",
      kind: "application",
      phases: [{ key: "p", label: "Interview" }],
      statuses: [
        {
          key: "int",
          label: "Interviews",
          phase: "p",
          success: null,
          children: [{ key: "first", label: "First interview", success: null }],
        },
      ],
    });
    expect(findings.map((f) => `${f.code}@${f.path.join(".")}`)).toEqual(["too-many-levels@statuses.0.children"]);
    expect(findings[0]?.message).toContain("3 levels");
    expect(findings[0]?.message).toContain("two most specific levels");
  });

  it("reports phases holding phases holding statuses as three levels", () => {
    const raw = {
      name: "Deep",
      kind: "application",
      phases: [
        { key: "p", label: "Hiring", phases: [{ key: "q", label: "Interview", statuses: [{ key: "s", label: "S" }] }] },
      ],
      statuses: [{ key: "s", label: "S", phase: "p", success: true }],
    };
    expect(codes(raw)).toEqual(["error:too-many-levels@phases.0.phases"]);
    expect(lintImportedJson(raw)[0]?.message).toContain("3 levels");
  });

  it("explains the shape when phases hold their statuses (two levels, but not the API's shape)", () => {
    const raw = {
      name: "Nested",
      kind: "application",
      phases: [{ key: "p", label: "Screening", statuses: [{ key: "new", label: "New", success: null }] }],
    };
    const findings = lintImportedJson(raw);
    expect(findings.map((f) => `${f.code}@${f.path.join(".")}`)).toEqual([
      "nested-statuses@phases.0.statuses",
      "invalid@statuses",
    ]);
    expect(findings[0]?.message).toContain('"phase": "<phase key>"');
  });

  it("gives schema errors by path when the JSON is not a pipeline", () => {
    const findings = lintImportedJson({ name: "x", kind: "job", statuses: [{ key: "a", label: "A", success: "yes" }] });
    expect(findings.map((f) => f.path.join("."))).toEqual(["kind", "statuses.0.success"]);
    expect(findings[1]?.message).toMatch(/^statuses\[0\]\.success: /);
    expect(codes([1, 2])).toEqual(["error:not-an-object@"]);
  });
});
