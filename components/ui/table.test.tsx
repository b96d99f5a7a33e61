// The one Table as server pages use it: columns as data, rows of already-rendered cells (nothing that
// cannot cross from a server component to a client one), and selection on the same TanStack core.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table, type TTableColumn, type TTableRow } from "./table";

type Column = "name" | "count" | "actions";
const columns: TTableColumn<Column>[] = [
  { id: "name", header: "Name", rowHeader: true },
  { id: "count", header: "Count", className: "hidden text-right md:table-cell", cellClassName: "tabular-nums" },
  { id: "actions", header: "Actions", headerHidden: true },
];
const rows: TTableRow<Column>[] = [
  {
    id: "a",
    attributes: { "data-testid": "thing", "data-name": "Alpha" },
    cells: { name: <b>Alpha</b>, count: 3, actions: "go" },
  },
  { id: "b", cells: { name: "Beta", count: 0, actions: null } },
];

const render = (props: Partial<Parameters<typeof Table<Column>>[0]> = {}) =>
  renderToStaticMarkup(<Table columns={columns} rows={rows} caption="Things" {...props} />);
const cellsOf = (html: string) => [...html.matchAll(/<(td|th)[^>]*>(.*?)<\/\1>/g)].map((m) => m[2]);

describe("Table with rendered cells", () => {
  it("names the table with a caption and puts each row's cells under their column, in column order", () => {
    const html = render();
    expect(html).toContain('<caption class="sr-only">Things</caption>');
    expect(cellsOf(html.slice(html.indexOf("<tbody")))).toEqual(["<b>Alpha</b>", "3", "go", "Beta", "0", ""]);
  });

  it("gives a column's className to its header and cells, and cellClassName to its cells only", () => {
    const html = render();
    const header = html.match(/<th scope="col" class="([^"]*)">Count<\/th>/);
    expect(header?.[1]).toContain("hidden text-right md:table-cell");
    expect(header?.[1]).not.toContain("tabular-nums");
    expect(html).toMatch(/<td class="[^"]*hidden text-right md:table-cell tabular-nums">3<\/td>/);
  });

  it("keeps a hidden header for screen readers and lets a column name its rows", () => {
    const html = render();
    expect(html).toContain('<span class="sr-only">Actions</span>');
    expect(html).toMatch(/<th scope="row" class="[^"]*"><b>Alpha<\/b><\/th>/);
  });

  it("puts a row's data attributes on its tr", () => {
    expect(render()).toContain('<tr data-testid="thing" data-name="Alpha"');
  });

  it("bleeds to a card's edges by default and sits inside other content when compact", () => {
    expect(render()).toContain('class="relative -mx-4 overflow-x-auto sm:-mx-5"');
    expect(render({ density: "compact" })).not.toContain("-mx-4");
  });

  it("with selection, offers a labelled checkbox per row, checked for the selected rows", () => {
    const html = render({
      selection: { selected: new Set(["b"]), onChange: () => {}, rowLabel: (id) => `Select ${id}` },
    });
    expect(html).toMatch(/<input type="checkbox" aria-label="Select a" class="[^"]*"\/>/);
    expect(html).toMatch(/<input type="checkbox" aria-label="Select b" class="[^"]*" checked=""\/>/);
    expect(html).toMatch(/aria-label="Select every row on this page" class="[^"]*"\/>/);
    expect(html).toContain('class="bg-indigo-50/60"');
  });
});
