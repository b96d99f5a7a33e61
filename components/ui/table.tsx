"use client";
// The app's one table, on TanStack Table (headless). Callers describe columns as data ({ id, header,
// className }) and hand rows whose cells are already-rendered React nodes, so server pages use it as well
// as client components (a server component cannot pass `cell` functions to a client one; nodes cross).
// The table brings the markup, the look, the caption for screen readers, responsive column hiding (a
// column's className, on its header and cells) and, when asked, row checkboxes with shift-click ranges
// (select-range.ts) and a header checkbox for the page. Selection is controlled by the caller, who owns
// what the selected rows are for.
import { type ColumnDef, getCoreRowModel, type RowSelectionState, useReactTable } from "@tanstack/react-table";
import { type MouseEvent, type ReactNode, useRef } from "react";
import { applySelectionClick } from "./select-range";

export type TTableColumn<K extends string = string> = {
  id: K;
  header: string;
  /** show the header to screen readers only (a column of buttons needs a name, not a heading) */
  headerHidden?: boolean;
  /** classes for the header and the cells: responsive visibility (`hidden md:table-cell`), alignment, nowrap */
  className?: string;
  /**
   * classes for the cells only: type, colour, and breaking long values (`break-all`), which on a header
   * would split a short word ("SL UG") on a phone
   */
  cellClassName?: string;
  /** the cells name their row (`<th scope="row">`), as a label column does */
  rowHeader?: boolean;
};

export type TTableRow<K extends string = string> = {
  id: string;
  cells: Record<K, ReactNode>;
  /** data-* attributes, for tests and styling */
  attributes?: Record<`data-${string}`, string>;
};

export type TTableSelection = {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  /** the accessible name of a row's checkbox: "Select ApplicationStatusUpdate for APP-1" */
  rowLabel: (id: string) => string;
};

/**
 * `card`: the table spans its card edge to edge (the card's padding moves into the first and last
 * columns), rows divided, roomy. `compact`: a small table inside other content (a panel, a preview).
 */
export type TTableDensity = "card" | "compact";

const LOOK = {
  card: {
    wrapper: "relative -mx-4 overflow-x-auto sm:-mx-5",
    table: "min-w-full text-left text-sm",
    head: "text-xs uppercase tracking-wide text-slate-500",
    th: "px-4 py-2 font-medium sm:first:pl-5 sm:last:pr-5",
    td: "px-4 py-3 sm:first:pl-5 sm:last:pr-5",
    body: "divide-y divide-slate-100",
    row: "hover:bg-slate-50",
  },
  compact: {
    wrapper: "overflow-x-auto",
    table: "min-w-full text-left text-sm",
    head: "border-b border-slate-200 text-xs text-slate-500",
    th: "px-2 py-1.5 font-medium first:pl-0 last:pr-0",
    td: "px-2 py-1.5 first:pl-0 last:pr-0",
    body: "divide-y divide-slate-100",
    row: "",
  },
} as const;

// No `cell` renderer: flexRender treats a function as a component, and one made per render would be a new
// component type each time, so React would remount every cell (and lose an open dialog's state) on each
// refresh. The cells are nodes already; the table renders them as they are.
function toColumnDef<K extends string>(column: TTableColumn<K>): ColumnDef<TTableRow<K>, ReactNode> {
  return { id: column.id, header: column.header, accessorFn: (row) => row.cells[column.id] };
}

export function Table<K extends string>({
  columns,
  rows,
  caption,
  density = "card",
  align = "middle",
  selection,
  testId,
}: {
  columns: readonly TTableColumn<K>[];
  rows: readonly TTableRow<K>[];
  /** the table's name for screen readers */
  caption: string;
  density?: TTableDensity;
  /** cells' vertical alignment: `top` when rows hold several lines in several columns (a log) */
  align?: "top" | "middle";
  selection?: TTableSelection;
  testId?: string;
}) {
  const look = LOOK[density];
  const valign = align === "top" ? "align-top" : "align-middle";
  const byId = new Map<string, TTableColumn<K>>(columns.map((column) => [column.id, column]));
  const rowSelection: RowSelectionState = Object.fromEntries([...(selection?.selected ?? [])].map((id) => [id, true]));
  const table = useReactTable({
    data: rows as TTableRow<K>[],
    columns: columns.map(toColumnDef),
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    state: { rowSelection },
    enableRowSelection: Boolean(selection),
  });
  const anchor = useRef<string | null>(null);
  const order = rows.map((row) => row.id);
  const allOnPage = order.length > 0 && order.every((id) => selection?.selected.has(id));
  const someOnPage = order.some((id) => selection?.selected.has(id));

  const onRowClick = (id: string) => (event: MouseEvent<HTMLInputElement>) => {
    if (!selection) return;
    const result = applySelectionClick(order, selection.selected, anchor.current, {
      id,
      checked: event.currentTarget.checked,
      shiftKey: event.shiftKey,
    });
    anchor.current = result.anchor;
    selection.onChange(result.selected);
  };
  const onAllClick = (event: MouseEvent<HTMLInputElement>) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    for (const id of order) {
      if (event.currentTarget.checked) next.add(id);
      else next.delete(id);
    }
    selection.onChange(next);
  };

  return (
    <div className={look.wrapper}>
      <table className={look.table} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className={look.head}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {selection ? (
                <th scope="col" className="w-10 py-2 pl-4 sm:pl-5">
                  <input
                    type="checkbox"
                    aria-label="Select every row on this page"
                    className="h-4 w-4 rounded border-slate-400 accent-indigo-600"
                    checked={allOnPage}
                    ref={(input) => {
                      if (input) input.indeterminate = someOnPage && !allOnPage;
                    }}
                    onClick={onAllClick}
                    onChange={() => {}}
                  />
                </th>
              ) : null}
              {group.headers.map((header) => {
                const column = byId.get(header.column.id);
                const content = column?.header;
                return (
                  <th key={header.id} scope="col" className={`${look.th} ${column?.className ?? ""}`}>
                    {column?.headerHidden ? <span className="sr-only">{content}</span> : content}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className={look.body}>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              {...row.original.attributes}
              className={row.getIsSelected() ? "bg-indigo-50/60" : look.row}
            >
              {selection ? (
                <td className={`w-10 py-3 pl-4 sm:pl-5 ${valign}`}>
                  <input
                    type="checkbox"
                    aria-label={selection.rowLabel(row.id)}
                    className="h-4 w-4 rounded border-slate-400 accent-indigo-600"
                    checked={row.getIsSelected()}
                    onClick={onRowClick(row.id)}
                    // The click handler owns the change (it needs shiftKey); React wants a handler anyway.
                    onChange={() => {}}
                  />
                </td>
              ) : null}
              {row.getVisibleCells().map((cell) => {
                const column = byId.get(cell.column.id);
                const className = `${look.td} ${valign} ${column?.className ?? ""} ${column?.cellClassName ?? ""}`;
                const content = cell.getValue<ReactNode>();
                return column?.rowHeader ? (
                  <th key={cell.id} scope="row" className={`font-normal ${className}`}>
                    {content}
                  </th>
                ) : (
                  <td key={cell.id} className={className}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
