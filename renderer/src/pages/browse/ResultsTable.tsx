import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatCell } from '../../components/format';
import { REFERENCE_FIELDS } from './references';

type Row = Record<string, unknown>;

const ROW_HEIGHT = 32;
// What a person reads first; the keys come after, and every other field after them.
const PREFERRED = ['status', 'severity', 'timestamp', 'created_at', 'title', 'name', 'message', 'company_id', 'id', '_id'];
const WIDTHS: Record<string, number> = { status: 120, severity: 96, timestamp: 215, created_at: 215, message: 380, title: 300, name: 220, id: 190, _id: 260 };
const width = (key: string) => WIDTHS[key] ?? 170;

/** Columns from the fields of the first rows: well-known fields first. */
function columnsOf(rows: Row[]): ColumnDef<Row>[] {
  const seen = new Set<string>();
  for (const row of rows.slice(0, 200)) for (const key of Object.keys(row)) seen.add(key);
  const keys = [...PREFERRED.filter((k) => seen.has(k)), ...[...seen].filter((k) => !PREFERRED.includes(k)).sort()];
  return keys.map((key) => ({ id: key, header: key, size: width(key), accessorFn: (row) => formatCell(row[key]) }));
}

/** How the arrow, page and Home/End keys move the active row; undefined for other keys. */
function moved(key: string, at: number, count: number, pageRows: number): number | undefined {
  const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: pageRows, PageUp: -pageRows, Home: -count, End: count };
  return step[key] === undefined ? undefined : Math.max(0, Math.min(count - 1, at + step[key]));
}

/**
 * Every loaded row, but only the visible ones in the DOM: 100,000 rows scroll as smoothly as 100.
 * The grid is one Tab stop: arrows, Page Up/Down, Home/End move the active row, Enter opens it.
 * A reference (company_id, incident_id, ...) is a link that opens the document it names.
 */
export function ResultsTable({ rows, selectedIndex, onSelect, onOpenReference }: {
  rows: Row[]; selectedIndex?: number; onSelect(index: number): void; onOpenReference(collection: string, id: string): void;
}) {
  const columns = useMemo(() => columnsOf(rows), [rows]);
  // TanStack Table returns fresh functions each render; the compiler skipping memoization here is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel() });
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const [active, setActive] = useState(0);
  const activeRow = Math.min(active, rows.length - 1);
  const tableRows = table.getRowModel().rows;
  const total = columns.reduce((sum, c) => sum + (c.size ?? 170), 0);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); onSelect(activeRow); return; }
    const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 320) / ROW_HEIGHT) - 1);
    const next = moved(event.key, activeRow, rows.length, pageRows);
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    virtualizer.scrollToIndex(next);
  };

  return (
    <div className="results-scroller" ref={scroller} data-testid="results" role="grid" aria-label="Results" aria-rowcount={rows.length} aria-colcount={columns.length}
      tabIndex={0} aria-activedescendant={`result-row-${activeRow}`} onKeyDown={onKeyDown}>
      <div className="results-head" style={{ width: total }} role="row">
        {table.getHeaderGroups()[0]?.headers.map((h) => <div key={h.id} className="cell head-cell" role="columnheader" style={{ width: h.column.getSize() }}>{h.column.id}</div>)}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width: total, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = tableRows[item.index];
          if (!row) return null;
          return (
            <div key={row.id} id={`result-row-${item.index}`} role="row" aria-rowindex={item.index + 1} aria-selected={item.index === selectedIndex} data-testid="result-row"
              className={`results-row${item.index === selectedIndex ? ' selected' : ''}${item.index === activeRow ? ' active' : ''}${item.index % 2 ? ' odd' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width: total }}
              onClick={() => { setActive(item.index); onSelect(item.index); }}>
              {row.getVisibleCells().map((cell) => {
                const text = String(cell.getValue() ?? '');
                const target = REFERENCE_FIELDS[cell.column.id];
                const raw = row.original[cell.column.id];
                return (
                  <div key={cell.id} className="cell" role="gridcell" data-column={cell.column.id} title={text} style={{ width: cell.column.getSize() }}>
                    {target && typeof raw === 'string' && raw
                      ? <button type="button" className="link mono cell-link" tabIndex={-1} onClick={(e) => { e.stopPropagation(); onOpenReference(target, raw); }}>{text}</button>
                      : text}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
