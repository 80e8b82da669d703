import { useEffect, useMemo, useState } from 'react';
import { BACKENDS } from '../../../../shared/backends';
import type { SavedConnection } from '../../../../shared/contract';
import type { CollectionInfo } from '../../../../shared/database';
import { CopyCodePanel } from './CopyCodePanel';
import { ExportPanel } from './ExportPanel';
import type { FilterDraft, FindRequest } from './FilterBar';
import { QueryHistoryPanel } from './QueryHistoryPanel';
import { QueryStore } from './query-history';
import { ResultCount } from './ResultCount';
import '../../features.css';

type Tool = 'export' | 'code' | 'queries';
const TOOLS: [Tool, string][] = [['export', 'Export…'], ['code', 'Copy as code'], ['queries', 'Saved & history']];

/** The Browse page's toolbar above the results: the total count, export, copy as code, saved queries. */
export function ResultTools({ connection, collection, request, index, draft, info, onApply }: {
  connection: SavedConnection; collection: string; request: FindRequest; index?: string; draft: FilterDraft; info?: CollectionInfo; onApply(draft: FilterDraft): void;
}) {
  const [open, setOpen] = useState<Tool>();
  const store = useMemo(() => new QueryStore(window.localStorage, connection.backend, collection), [connection.backend, collection]);
  // Every query that runs joins the history, whichever control ran it (filter bar, quick filters, a saved one).
  useEffect(() => { store.remember(draft); }, [store, request]); // eslint-disable-line react-hooks/exhaustive-deps -- the draft as it was when the request ran
  const total = BACKENDS[connection.backend].cheapExactCount || Object.keys(request.filter).length === 0 ? info?.count : undefined;

  return (
    <div className="result-tools">
      <div className="tool-bar" role="toolbar" aria-label="Result tools">
        <ResultCount key={`${connection.id}/${collection}/${JSON.stringify(request.filter)}`} connection={connection} collection={collection} filter={request.filter} info={info} />
        <span className="spacer" />
        {TOOLS.map(([tool, label]) => (
          <button key={tool} type="button" className={`button button-small${open === tool ? ' active' : ''}`} aria-expanded={open === tool} onClick={() => setOpen(open === tool ? undefined : tool)}>{label}</button>
        ))}
      </div>
      {open === 'export' && <ExportPanel connection={connection} collection={collection} request={request} index={index} total={total} />}
      {open === 'code' && <CopyCodePanel connection={connection} collection={collection} request={request} index={index} />}
      {open === 'queries' && <QueryHistoryPanel store={store} draft={draft} onApply={(d) => { onApply(d); setOpen(undefined); }} />}
    </div>
  );
}
