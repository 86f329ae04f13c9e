/**
 * One column of a table: its header, and what a row shows in it, either `text` (escaped) or
 * a `cell` of markup.
 */
export type Column<R> = { header: string } & (
  | { text: (row: R) => string; cell?: never }
  | { cell: (row: R) => JSX.Element; text?: never }
);

/** A table's column headers, for tables whose rows are written by hand. */
export function TableHead({ headers }: { headers: string[] }) {
  return (
    <thead>
      <tr>
        {headers.map((h) => (
          <th scope="col" safe>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * A table that scrolls sideways on a narrow screen; `rowId` marks each row (`data-id`),
 * `caption` names it.
 */
export function Table<R>({
  columns,
  rows,
  rowId,
  caption,
}: {
  columns: Column<R>[];
  rows: R[];
  rowId?: (row: R) => string;
  caption?: string;
}) {
  return (
    <div class="scroll">
      <table>
        {caption ? <caption safe>{caption}</caption> : ''}
        <TableHead headers={columns.map((c) => c.header)} />
        <tbody>
          {rows.map((r) => (
            <tr data-id={rowId?.(r)}>
              {columns.map((c) => (c.text ? <td safe>{c.text(r)}</td> : <td>{c.cell(r)}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
