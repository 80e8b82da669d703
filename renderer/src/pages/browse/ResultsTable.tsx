import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { formatCell } from '../../components/format';

type Row = Record<string, unknown>;

const ROW_HEIGHT = 32;
const PREFERRED = ['id', '_id', 'company_id', 'severity', 'status', 'timestamp', 'created_at', 'message', 'title', 'name'];

/** Columns from the fields of the first rows: key and well-known fields first. */
function columnsOf(rows: Row[]): ColumnDef<Row>[] {
  const seen = new Set<string>();
  for (const row of rows.slice(0, 200)) for (const key of Object.keys(row)) seen.add(key);
  const keys = [...PREFERRED.filter((k) => seen.has(k)), ...[...seen].filter((k) => !PREFERRED.includes(k)).sort()];
  return keys.map((key) => ({ id: key, header: key, accessorFn: (row) => formatCell(row[key]) }));
}

/**
 * Every loaded row, but only the visible ones in the DOM: 100,000 rows scroll as smoothly as 100.
 */
export function ResultsTable({ rows, selectedIndex, onSelect }: { rows: Row[]; selectedIndex?: number; onSelect(index: number): void }) {
  const columns = useMemo(() => columnsOf(rows), [rows]);
  // TanStack Table returns fresh functions each render; the compiler skipping memoization here is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel() });
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const tableRows = table.getRowModel().rows;
  const width = columns.length * 180;

  return (
    <div className="results-scroller" ref={scroller} data-testid="results" role="grid" aria-rowcount={rows.length}>
      <div className="results-head" style={{ width }} role="row">
        {table.getHeaderGroups()[0]?.headers.map((h) => <div key={h.id} className="cell head-cell" role="columnheader">{h.column.id}</div>)}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = tableRows[item.index];
          if (!row) return null;
          return (
            <div key={row.id} role="row" aria-rowindex={item.index + 1} data-testid="result-row"
              className={`results-row${item.index === selectedIndex ? ' selected' : ''}${item.index % 2 ? ' odd' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width }}
              onClick={() => onSelect(item.index)}>
              {row.getVisibleCells().map((cell) => {
                const text = String(cell.getValue() ?? '');
                return <div key={cell.id} className="cell" role="gridcell" title={text}>{text}</div>;
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
