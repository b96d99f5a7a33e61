import { describe, expect, it } from "vitest";
import { ZPipelineDefinition } from "./pipeline-definition";
import { PIPELINE_TEMPLATES, pipelineFromTemplate, templatesFor } from "./pipeline-templates";
import { seekStateFor } from "./seek-state";

const template = (key: string) => {
  const definition = pipelineFromTemplate(key);
  if (!definition) throw new Error(`no template ${key}`);
  return definition;
};

describe("pipeline templates", () => {
  it("are valid pipelines in the API's shape, each with a key, name and description", () => {
    expect(new Set(PIPELINE_TEMPLATES.map((t) => t.key)).size).toBe(PIPELINE_TEMPLATES.length);
    for (const t of PIPELINE_TEMPLATES) {
      expect(ZPipelineDefinition.parse(t.definition)).toEqual(t.definition);
      expect(t.definition.kind).toBe(t.kind);
      expect(t.name && t.description).toBeTruthy();
    }
    expect(templatesFor("application").map((t) => t.key)).toEqual(["application-flat", "application-two-level"]);
    expect(templatesFor("position").map((t) => t.key)).toEqual(["position-flat", "position-two-level"]);
  });

  it("flat application list: 14 statuses from New to Hired, Offer accepted at 8 and Hired at 11 of 14 (SEEK's sample)", () => {
    const flat = template("application-flat");
    expect(flat.phases).toBeUndefined();
    expect(flat.statuses).toHaveLength(14);
    expect(flat.statuses[0]?.label).toBe("New");
    expect(seekStateFor(flat, "offer-accepted")).toEqual({
      status: { label: "Offer accepted", index: 8, total: 14 },
      success: null,
    });
    expect(seekStateFor(flat, "hired")).toEqual({ status: { label: "Hired", index: 11, total: 14 }, success: true });
  });

  it("marks exactly the hire final-successful and the non-sequential outcomes final-unsuccessful", () => {
    for (const key of ["application-flat", "application-two-level"]) {
      const statuses = template(key).statuses;
      expect(statuses.filter((s) => s.success === true).map((s) => s.label)).toEqual(["Hired"]);
      expect(statuses.filter((s) => s.success === false).map((s) => s.label)).toEqual([
        "Talent pool",
        "Offer declined",
        "Not suitable",
      ]);
    }
  });

  it("two-level application: 7 phases, Offer 4 and Hired 5 of 7 as in SEEK's sample", () => {
    const twoLevel = template("application-two-level");
    expect(twoLevel.phases?.map((p) => p.label)).toEqual([
      "Applied",
      "Screening",
      "Interview",
      "Offer",
      "Hired",
      "Talent pool",
      "Closed",
    ]);
    expect(seekStateFor(twoLevel, "offer-accepted")?.phase).toEqual({ label: "Offer", index: 4, total: 7 });
    expect(seekStateFor(twoLevel, "hired")).toEqual({
      phase: { label: "Hired", index: 5, total: 7 },
      status: { label: "Hired", index: 11, total: 14 },
      success: true,
    });
  });

  it("position templates: Review 4 of 6 in Open 3 of 4, Withdrawn 6 of 6 final-unsuccessful, Filled final-successful", () => {
    const twoLevel = template("position-two-level");
    expect(seekStateFor(twoLevel, "review")).toEqual({
      phase: { label: "Open", index: 3, total: 4 },
      status: { label: "Review", index: 4, total: 6 },
      success: null,
    });
    expect(seekStateFor(twoLevel, "withdrawn")).toEqual({
      phase: { label: "Closed", index: 4, total: 4 },
      status: { label: "Withdrawn", index: 6, total: 6 },
      success: false,
    });
    expect(seekStateFor(template("position-flat"), "filled")).toEqual({
      status: { label: "Filled", index: 5, total: 6 },
      success: true,
    });
  });

  it("interaction history mappings appear only on application templates", () => {
    for (const t of templatesFor("position")) {
      expect(t.definition.statuses.every((s) => s.seekHistoryStatus === undefined)).toBe(true);
    }
    expect(template("application-flat").statuses.find((s) => s.key === "hired")?.seekHistoryStatus).toBe("Successful");
  });

  it("hands out a copy, so editing it never changes the template", () => {
    const copy = template("application-flat");
    copy.statuses[0]!.label = "Changed";
    expect(template("application-flat").statuses[0]?.label).toBe("New");
    expect(pipelineFromTemplate("nope")).toBeUndefined();
  });
});
