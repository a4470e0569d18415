import type { ReactNode } from "react";
import { useUrlParams } from "./use-url-params.ts";

/** One column of a DataTable: its header, how a row fills its cell, and optionally how rows sort by it. */
export interface Column<R> {
  /** Names the column in the URL's sort value; unique within the table. */
  key: string;
  header: string;
  cell(row: R): ReactNode;
  /** Orders two rows by this column, ascending; the header becomes a sort button. */
  compare?: (a: R, b: R) => number;
  /** The row's name: rendered as its row header (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Said to screen readers only, e.g. the column of action buttons. */
  headerHidden?: boolean;
  className?: string;
}

/** A sort a DataTable reads from the URL: a column key, and whether it runs descending. */
interface Sort {
  key: string;
  descending: boolean;
}

function readSort(value: string | null, columns: readonly Column<never>[]): Sort | null {
  if (!value) return null;
  const descending = value.startsWith("-");
  const key = descending ? value.slice(1) : value;
  return columns.some((column) => column.key === key && column.compare) ? { key, descending } : null;
}

/**
 * The one table of the account and admin pages: a caption, columns, rows that become labelled
 * cards under 640 px wide (styles.css), an empty state, and columns that sort from a header
 * button, the sort kept in the URL under `sortParam` so a sorted table can be linked.
 */
export function DataTable<R>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  className,
  rowClassName,
  sortParam = "sort",
}: {
  /** Names the table for screen readers; tables sit under a visible heading that says the same. */
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey(row: R): string | number;
  /** What the page shows instead of an empty table: what is missing and what to do. */
  empty: ReactNode;
  className?: string;
  /** A class on every row, so a page can style (and a test find) its rows. */
  rowClassName?: string;
  sortParam?: string;
}) {
  const [params, setParams] = useUrlParams();
  const sort = readSort(params.get(sortParam), columns as readonly Column<never>[]);
  if (rows.length === 0) return <div className="empty-state">{empty}</div>;
  const sortColumn = sort ? columns.find((column) => column.key === sort.key) : undefined;
  const shown = sortColumn?.compare ? [...rows].sort((a, b) => (sortColumn.compare?.(a, b) ?? 0) * (sort?.descending ? -1 : 1)) : rows;
  return (
    <table className={className ? `data-table ${className}` : "data-table"}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => {
            const current = sort?.key === column.key ? sort : null;
            return (
              <th key={column.key} scope="col" aria-sort={column.compare ? (current ? (current.descending ? "descending" : "ascending") : "none") : undefined}>
                {column.headerHidden ? (
                  <span className="visually-hidden">{column.header}</span>
                ) : column.compare ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setParams({ [sortParam]: current && !current.descending ? `-${column.key}` : column.key })}
                  >
                    {column.header}
                    <span className={`sort-icon${current ? (current.descending ? " sort-descending" : " sort-ascending") : ""}`} aria-hidden="true" />
                  </button>
                ) : (
                  column.header
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => (
          <tr key={rowKey(row)} className={rowClassName}>
            {columns.map((column) =>
              column.rowHeader ? (
                <th key={column.key} scope="row" data-label={column.header} className={column.className}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.key} data-label={column.header} className={column.className}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
