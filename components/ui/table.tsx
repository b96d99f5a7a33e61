"use client";
// The app's one table, on TanStack Table (headless): columns say what they show and at which width they
// appear (meta.className on both header and cell), the table brings the markup, the caption for screen
// readers and, when asked, row checkboxes with shift-click ranges (select-range.ts) and a header checkbox
// for the page. Selection is controlled by the caller, who owns what the selected rows are for.
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type RowData,
  type RowSelectionState,
  useReactTable,
} from "@tanstack/react-table";
import { type MouseEvent, useRef } from "react";
import { applySelectionClick } from "./select-range";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** classes for the column's header and cells (responsive visibility, alignment) */
    className?: string;
  }
}

export type TTableSelection = {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  /** the accessible name of a row's checkbox: "Select ApplicationStatusUpdate for APP-1" */
  rowLabel: (id: string) => string;
};

export function Table<T>({
  data,
  columns,
  getRowId,
  caption,
  selection,
  rowAttributes,
  testId,
}: {
  data: T[];
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  caption: string;
  selection?: TTableSelection;
  /** data-* attributes per row, for tests and styling */
  rowAttributes?: (row: T) => Record<`data-${string}`, string>;
  testId?: string;
}) {
  const rowSelection: RowSelectionState = Object.fromEntries([...(selection?.selected ?? [])].map((id) => [id, true]));
  const table = useReactTable({
    data,
    columns,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    state: { rowSelection },
    enableRowSelection: Boolean(selection),
  });
  const anchor = useRef<string | null>(null);
  const order = data.map(getRowId);
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
    <div className="relative -mx-4 overflow-x-auto sm:-mx-5">
      <table className="min-w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
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
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className={`px-4 py-2 font-medium ${header.column.columnDef.meta?.className ?? ""}`}
                >
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              {...rowAttributes?.(row.original)}
              className={row.getIsSelected() ? "bg-indigo-50/60" : "hover:bg-slate-50"}
            >
              {selection ? (
                <td className="w-10 py-3 pl-4 align-top sm:pl-5">
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
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={`px-4 py-3 align-top ${cell.column.columnDef.meta?.className ?? ""}`}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
