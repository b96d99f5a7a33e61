// Keyboard reordering in the editor: Alt+ArrowUp / Alt+ArrowDown on a focused row (or any control in it).
export type TReorderDirection = "up" | "down";

export function reorderDirection(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): TReorderDirection | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  if (event.key === "ArrowUp") return "up";
  if (event.key === "ArrowDown") return "down";
  return undefined;
}
