import { describe, expect, it } from "vitest";
import { keyFromLabel, uniqueKeyFromLabel } from "./key-from-label";
import { PIPELINE_KEY_PATTERN } from "./pipeline-definition";

describe("keyFromLabel", () => {
  it("derives a readable key the API accepts from any label", () => {
    expect(keyFromLabel("First interview")).toBe("first-interview");
    expect(keyFromLabel("  Offer — declined!  ")).toBe("offer-declined");
    expect(keyFromLabel("Entretien réussi")).toBe("entretien-reussi");
    expect(keyFromLabel("<script>alert(1)</script>")).toBe("script-alert-1-script");
    for (const label of ["First interview", "x".repeat(300), "Ünïcödé ✓ 123"]) {
      expect(keyFromLabel(label)).toMatch(PIPELINE_KEY_PATTERN);
    }
  });

  it("falls back when the label has no letters or digits", () => {
    expect(keyFromLabel("✓✓✓")).toBe("status");
    expect(keyFromLabel("", "phase")).toBe("phase");
  });
});

describe("uniqueKeyFromLabel", () => {
  it("never reuses a key that is taken", () => {
    expect(uniqueKeyFromLabel("Offer", [])).toBe("offer");
    expect(uniqueKeyFromLabel("Offer", ["offer"])).toBe("offer-2");
    expect(uniqueKeyFromLabel("Offer", ["offer", "offer-2", "offer-3"])).toBe("offer-4");
  });
});
