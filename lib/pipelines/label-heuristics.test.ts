import { describe, expect, it } from "vitest";
import { looksEnded, looksInProgress, looksRolledUp } from "./label-heuristics";

describe("looksInProgress", () => {
  it("recognises steps that are still under way", () => {
    for (const label of [
      "Interview",
      "Second interview",
      "Screening",
      "Phone screen",
      "Review",
      "Shortlist",
      "Offer",
    ]) {
      expect(looksInProgress(label), label).toBe(true);
    }
  });

  it("does not call an outcome in progress, even when it names the step where it ended", () => {
    for (const label of [
      "Offer declined",
      "Rejected after interview",
      "Not suitable",
      "Did not attend interview",
      "Withdrawn",
      "Talent pool",
      "Hired",
    ]) {
      expect(looksInProgress(label), label).toBe(false);
    }
  });
});

describe("looksEnded", () => {
  it("recognises outcomes", () => {
    for (const label of ["Hired", "Offer declined", "Withdrawn", "Talent pool", "Filled", "Unsuccessful", "Closed"]) {
      expect(looksEnded(label), label).toBe(true);
    }
  });

  it("leaves steps alone, including ones that mention hiring", () => {
    for (const label of ["Offer accepted", "Hiring manager review", "First interview", "Contract signed", "Open"]) {
      expect(looksEnded(label), label).toBe(false);
    }
  });
});

describe("looksRolledUp", () => {
  it("flags labels that read like a mapping or roll-up, not the hirer's own status", () => {
    for (const label of [
      "Stage 1",
      "Status A",
      "Mapped: Interview",
      "Other",
      "Generic screening",
      "Category 3",
      "Bucket",
      "Level 2",
      "Step 4",
    ]) {
      expect(looksRolledUp(label), label).toBe(true);
    }
  });

  it("accepts real statuses", () => {
    for (const label of ["First interview", "Offer accepted", "Stage manager interview", "Hired", "Talent pool"]) {
      expect(looksRolledUp(label), label).toBe(false);
    }
  });
});
