// Row selection with shift-click ranges, as in a mail client: a plain click toggles one row and becomes the
// anchor; a shift-click sets every row from the anchor to the clicked one (both included) to the clicked
// row's new value. Pure, so the rule is tested without a browser.

export type TRangeClick = { id: string; checked: boolean; shiftKey: boolean };

export function applySelectionClick(
  order: readonly string[],
  selected: ReadonlySet<string>,
  anchor: string | null,
  click: TRangeClick,
): { selected: Set<string>; anchor: string } {
  const next = new Set(selected);
  const from = anchor === null ? -1 : order.indexOf(anchor);
  const to = order.indexOf(click.id);
  const ids =
    click.shiftKey && from >= 0 && to >= 0 ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [click.id];
  for (const id of ids) {
    if (click.checked) next.add(id);
    else next.delete(id);
  }
  return { selected: next, anchor: click.id };
}
