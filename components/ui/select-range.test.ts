import { describe, expect, it } from "vitest";
import { applySelectionClick } from "./select-range";

const order = ["a", "b", "c", "d", "e"];

describe("applySelectionClick", () => {
  it("a plain click toggles only the clicked row and makes it the anchor", () => {
    const result = applySelectionClick(order, new Set(["a"]), "a", { id: "c", checked: true, shiftKey: false });
    expect([...result.selected].sort()).toEqual(["a", "c"]);
    expect(result.anchor).toBe("c");
  });

  it("a shift-click selects every row between the anchor and the clicked row, both included", () => {
    const result = applySelectionClick(order, new Set(["b"]), "b", { id: "d", checked: true, shiftKey: true });
    expect([...result.selected].sort()).toEqual(["b", "c", "d"]);
  });

  it("a shift-click upwards works the same way", () => {
    const result = applySelectionClick(order, new Set(["e"]), "e", { id: "c", checked: true, shiftKey: true });
    expect([...result.selected].sort()).toEqual(["c", "d", "e"]);
  });

  it("a shift-click that unchecks clears the whole range and keeps rows outside it", () => {
    const result = applySelectionClick(order, new Set(order), "b", { id: "d", checked: false, shiftKey: true });
    expect([...result.selected].sort()).toEqual(["a", "e"]);
  });

  it("a shift-click without an anchor on the page toggles one row", () => {
    const result = applySelectionClick(order, new Set(), "gone", { id: "c", checked: true, shiftKey: true });
    expect([...result.selected]).toEqual(["c"]);
  });
});
