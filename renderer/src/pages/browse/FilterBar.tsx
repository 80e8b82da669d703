import type { RefObject } from 'react';
import { ProjectionSchema, type Projection, type Sort } from '../../../../shared/query';
import { parseFilterInput } from './parse-filter';
import { parseJsonInput } from './parse-json-input';

export interface FindRequest {
  filter: Record<string, unknown>;
  sort?: Sort;
  limit: number;
  projection?: Projection;
}

export interface FilterDraft { filter: string; sortField: string; sortDirection: 1 | -1; limit: number; projection: string }

/** Checks the draft as it is typed; returns the request when everything is valid. */
export function checkDraft(draft: FilterDraft) {
  const filter = parseFilterInput(draft.filter);
  const projection = parseJsonInput<Projection>(draft.projection, ProjectionSchema, {});
  const request: FindRequest | undefined = filter.value && projection.value ? {
    filter: filter.value,
    limit: draft.limit,
    ...(draft.sortField.trim() ? { sort: [[draft.sortField.trim(), draft.sortDirection]] as Sort } : {}),
    ...(Object.keys(projection.value).length ? { projection: projection.value } : {}),
  } : undefined;
  return { request, filterProblems: filter.problems, projectionProblems: projection.problems };
}

/**
 * The filter, sort, page size and projection, checked as typed. Run (or Ctrl/Cmd+Enter anywhere
 * on the page) runs it; Cancel stops a read in flight; Clear shows the whole collection again.
 */
export function FilterBar({ draft, onChange, onRun, onClear, onCancel, running, formRef }: {
  draft: FilterDraft; onChange(d: FilterDraft): void; onRun(request: FindRequest): void; onClear(): void; onCancel(): void; running: boolean; formRef: RefObject<HTMLFormElement | null>;
}) {
  const { request, filterProblems, projectionProblems } = checkDraft(draft);
  const set = (change: Partial<FilterDraft>) => onChange({ ...draft, ...change });
  return (
    <form className="filter-bar" ref={formRef} onSubmit={(e) => { e.preventDefault(); if (request && !running) onRun(request); }}>
      <div className="filter-main">
        <label className="filter-input">
          <span className="field-label">Filter</span>
          <input className={`input mono${filterProblems.length ? ' input-invalid' : ''}`} aria-label="Filter" aria-invalid={filterProblems.length > 0} spellCheck={false} data-skip-target
            aria-keyshortcuts="/" title="/ to focus, Ctrl+Enter to run"
            placeholder='{company_id: "comp-1", status: "active", timestamp: {$gte: ISODate("2026-03-04")}}' value={draft.filter} onChange={(e) => set({ filter: e.target.value })} />
        </label>
        <button type="submit" className="button button-primary" disabled={!request || running} aria-keyshortcuts="Control+Enter Meta+Enter">{running ? 'Running…' : 'Run'}</button>
        {running
          ? <button type="button" className="button" onClick={onCancel}>Cancel</button>
          : <button type="button" className="button button-quiet" onClick={onClear}>Clear</button>}
      </div>
      {filterProblems.length > 0 && (
        <ul className="inline-errors" data-testid="filter-errors">
          {filterProblems.map((p) => <li key={`${p.path}${p.message}`}>{p.path && <code>{p.path}</code>} {p.message}</li>)}
        </ul>
      )}
      <div className="filter-options">
        <label className="field-inline"><span>Sort</span>
          <input className="input input-small mono" placeholder="field" aria-label="Sort field" value={draft.sortField} onChange={(e) => set({ sortField: e.target.value })} />
          <select className="input input-small" aria-label="Sort direction" value={draft.sortDirection} onChange={(e) => set({ sortDirection: Number(e.target.value) as 1 | -1 })}>
            <option value={1}>ascending</option>
            <option value={-1}>descending</option>
          </select>
        </label>
        <label className="field-inline"><span>Page size</span>
          <select className="input input-small" aria-label="Page size" value={draft.limit} onChange={(e) => set({ limit: Number(e.target.value) })}>
            {[50, 100, 500, 1000, 5000].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label className="field-inline field-grow"><span>Projection</span>
          <input className={`input input-small mono${projectionProblems.length ? ' input-invalid' : ''}`} aria-label="Projection" placeholder='{"message": 1, "severity": 1}' value={draft.projection} onChange={(e) => set({ projection: e.target.value })} />
        </label>
      </div>
      {projectionProblems.length > 0 && <ul className="inline-errors">{projectionProblems.map((p) => <li key={p.message}>{p.message}</li>)}</ul>}
    </form>
  );
}
