import { describe, expect, it } from "vitest";
import { findingTarget, groupFindings, sortFindings } from "./group-findings";
import type { TLintFinding } from "./lint-pipeline";

const finding = (severity: "error" | "warning", path: (string | number)[]): TLintFinding => ({
  severity,
  code: "x",
  message: "m",
  path,
});

describe("groupFindings", () => {
  it("points each finding at its status row, phase row, or the pipeline as a whole", () => {
    const a = finding("warning", ["statuses", 2, "label"]);
    const b = finding("error", ["statuses", 2, "phase"]);
    const c = finding("warning", ["phases", 0]);
    const d = finding("error", ["statuses"]);
    const e = finding("error", ["name"]);
    const grouped = groupFindings([a, b, c, d, e]);
    expect(grouped.statuses.get(2)).toEqual([a, b]);
    expect(grouped.phases.get(0)).toEqual([c]);
    expect(grouped.pipeline).toEqual([d, e]);
    expect(findingTarget(a)).toEqual({ list: "statuses", index: 2 });
    expect(findingTarget(d)).toBeUndefined();
  });

  it("sorts errors before warnings, keeping their order otherwise", () => {
    const w1 = finding("warning", ["a"]);
    const e1 = finding("error", ["b"]);
    const w2 = finding("warning", ["c"]);
    const e2 = finding("error", ["d"]);
    expect(sortFindings([w1, e1, w2, e2])).toEqual([e1, e2, w1, w2]);
  });
});
