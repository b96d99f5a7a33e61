import { describe, expect, it } from "vitest";
import { reorderDirection } from "./reorder-shortcut";

const key = (k: string, mods: Partial<Record<"altKey" | "ctrlKey" | "metaKey" | "shiftKey", boolean>> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe("reorderDirection", () => {
  it("moves a focused row with Alt+ArrowUp / Alt+ArrowDown only", () => {
    expect(reorderDirection(key("ArrowUp", { altKey: true }))).toBe("up");
    expect(reorderDirection(key("ArrowDown", { altKey: true }))).toBe("down");
    expect(reorderDirection(key("ArrowUp"))).toBeUndefined();
    expect(reorderDirection(key("ArrowUp", { altKey: true, shiftKey: true }))).toBeUndefined();
    expect(reorderDirection(key("ArrowLeft", { altKey: true }))).toBeUndefined();
  });
});
