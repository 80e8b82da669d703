import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SavedConnection } from '../../../../shared/contract';
import { call } from '../../api/client';
import { formatCount } from '../../components/format';
import { Empty, ErrorNotice, Loading } from '../../components/Notice';
import { ConnectionsNeeded } from '../../components/ConnectionsNeeded';
import { PageHeader } from '../../components/PageHeader';
import { connectionUser } from './acknowledge';
import { DocumentPanel } from './DocumentPanel';
import { IndexesPanel } from './IndexesPanel';
import { AUTO_INDEX, IndexPicker, refusedPick } from './IndexPicker';
import { FilterBar, checkDraft, type FilterDraft, type FindRequest } from './FilterBar';
import { DocumentCopy } from './DocumentCopy';
import { ResultTools } from './ResultTools';
import { PlanPanel } from './PlanPanel';
import { QuickFilters } from './QuickFilters';
import { ResultsTable } from './ResultsTable';

type Doc = Record<string, unknown>;
/** A document's identity across reloads of the results (its key, else MongoDB's _id). */
const identity = (document: Doc) => JSON.stringify(document.id ?? document._id ?? null);

const FIRST_DRAFT: FilterDraft = { filter: '', sortField: '', sortDirection: -1, limit: 100, projection: '' };

/** `open`: the backend to show first (DATABASE_TYPE), when it has a connection. */
export function BrowsePage({ mongo, dynamo, open, onConnect }: { mongo?: SavedConnection; dynamo?: SavedConnection; open?: 'mongodb' | 'dynamodb'; onConnect(): void }) {
  const [backend, setBackend] = useState<'mongodb' | 'dynamodb'>((open === 'dynamodb' && dynamo) || !mongo ? 'dynamodb' : 'mongodb');
  const connection = backend === 'mongodb' ? mongo : dynamo;
  const [collection, setCollection] = useState('alerts');
  const [draft, setDraft] = useState<FilterDraft>(FIRST_DRAFT);
  const [request, setRequest] = useState<FindRequest>({ filter: {}, limit: FIRST_DRAFT.limit });
  // The document shown, followed by identity: a reload that reorders or drops rows does not swap it for another.
  const [picked, setPicked] = useState<Doc>();
  // DynamoDB only; a pick names one table's GSIs, so it goes back to Auto with the collection.
  const [index, setIndex] = useState(AUTO_INDEX);
  const pickedIndex = backend === 'dynamodb' && index !== AUTO_INDEX ? index : undefined;
  const queryClient = useQueryClient();

  const collections = useQuery({
    queryKey: ['collections', connection?.id],
    queryFn: () => call('collections.list', { connectionId: connection!.id }),
    enabled: !!connection,
  });

  const results = useInfiniteQuery({
    queryKey: ['find', connection?.id, collection, request, pickedIndex],
    queryFn: ({ pageParam }) => call('documents.find', {
      connectionId: connection!.id, collection, filter: request.filter,
      options: { limit: request.limit, ...(request.sort ? { sort: request.sort } : {}), ...(request.projection ? { projection: request.projection } : {}), ...(pickedIndex ? { index: pickedIndex } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
    }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
    enabled: !!connection,
  });

  if (!mongo && !dynamo) {
    return <ConnectionsNeeded title="Browse" message="No connection selected" action="Choose or start one" onConnect={onConnect} />;
  }

  const pages = results.data?.pages ?? [];
  const rows = pages.flatMap((p) => p.documents);
  const lastPlan = pages.at(-1)?.plan;
  const scanned = pages.every((p) => p.plan.itemsScanned !== undefined) ? pages.reduce((sum, p) => sum + (p.plan.itemsScanned ?? 0), 0) : undefined;
  const selected = picked ? rows.findIndex((row) => identity(row) === identity(picked)) : -1;
  const run = (next: FindRequest) => { setPicked(undefined); setRequest(next); };
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['find', connection?.id, collection] });
    void queryClient.invalidateQueries({ queryKey: ['collections', connection?.id] });
  };
  // An edited document may no longer match the filter (an acknowledged alert): read it again by its key.
  const changed = (change: 'updated' | 'deleted') => {
    if (change === 'deleted') setPicked(undefined);
    else if (connection && typeof picked?.id === 'string') {
      call('documents.findOne', { connectionId: connection.id, collection, filter: { id: picked.id } }).then(({ document }) => setPicked(document ?? undefined), () => {});
    }
    refresh();
  };

  return (
    <div className="page page-wide">
      <PageHeader title="Browse" subtitle={connection ? connection.name : 'Choose a connection for this backend on the Connections page.'}>
        <div className="segmented" role="tablist" aria-label="Backend">
          <button type="button" role="tab" aria-selected={backend === 'mongodb'} className={backend === 'mongodb' ? 'active' : ''} onClick={() => { setBackend('mongodb'); setPicked(undefined); setIndex(AUTO_INDEX); }}>MongoDB</button>
          <button type="button" role="tab" aria-selected={backend === 'dynamodb'} className={backend === 'dynamodb' ? 'active' : ''} onClick={() => { setBackend('dynamodb'); setPicked(undefined); setIndex(AUTO_INDEX); }}>DynamoDB</button>
        </div>
      </PageHeader>
      <div className="browse">
        <nav className="panel collections" aria-label="Collections">
          <div className="panel-header"><h2>{backend === 'mongodb' ? 'Collections' : 'Tables'}</h2></div>
          {!connection && <Empty title="Not connected" />}
          {collections.isPending && connection && <Loading />}
          {collections.error && <ErrorNotice error={collections.error} />}
          <ul className="collection-list">
            {collections.data?.map((c) => (
              <li key={c.name}>
                <button type="button" className={`collection-item${c.name === collection ? ' active' : ''}${c.exists ? '' : ' missing'}`} onClick={() => { setCollection(c.name); setPicked(undefined); setIndex(AUTO_INDEX); }}
                  title={c.exists ? c.physicalName : `${c.physicalName} does not exist yet`}>
                  <span>{c.name}</span>
                  <span className="count">{c.exists ? `${c.countIsEstimate ? '~' : ''}${formatCount(c.count)}` : '—'}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section className="browse-main">
          {(collection === 'alerts' || collection === 'incidents') && <QuickFilters key={collection} collection={collection} onApply={(filter) => {
            const next = { ...draft, filter: Object.keys(filter).length ? JSON.stringify(filter) : '' };
            setDraft(next);
            run({ ...request, filter });
          }} />}
          <FilterBar draft={draft} onChange={setDraft} onRun={run} running={results.isFetching} />
          {connection && <ResultTools connection={connection} collection={collection} request={request} index={pickedIndex} draft={draft} info={collections.data?.find((c) => c.name === collection)}
            onApply={(next) => { const checked = checkDraft(next).request; setDraft(next); if (checked) run(checked); }} />}
          <div className="results-bar">
            <span>{results.isPending ? 'Loading…' : `${formatCount(rows.length)} loaded${results.hasNextPage ? ' · more available' : ''}`}</span>
            {results.hasNextPage && (
              <button type="button" className="button button-small" onClick={() => void results.fetchNextPage()} disabled={results.isFetchingNextPage}>
                {results.isFetchingNextPage ? 'Loading…' : `Load ${request.limit} more`}
              </button>
            )}
          </div>
          {results.error && !refusedPick(results.error, index) && <ErrorNotice error={results.error} title="The query failed" />}
          {results.isPending && connection && <Loading label="Running the query…" />}
          {results.data && rows.length === 0 && <Empty title="No documents match">Change the filter, or clear it to see everything.</Empty>}
          {rows.length > 0 && <ResultsTable rows={rows} selectedIndex={selected >= 0 ? selected : undefined} onSelect={(i) => setPicked(rows[i])} />}
        </section>
        <aside className="browse-side">
          {connection && backend === 'dynamodb' && <IndexPicker connectionId={connection.id} collection={collection} value={index} onChange={(next) => { setPicked(undefined); setIndex(next); }} error={results.error} />}
          {lastPlan && <PlanPanel plan={lastPlan} pages={pages.length} scanned={scanned} returned={rows.length} picked={!!pickedIndex} />}
          {connection && <IndexesPanel connectionId={connection.id} collection={collection} />}
          {connection && (selected >= 0 || picked) && <DocumentCopy document={selected >= 0 ? rows[selected]! : picked!} />}
          {connection && <DocumentPanel key={`${connection.id}/${collection}/${picked ? identity(picked) : ''}`} connectionId={connection.id} collection={collection} document={selected >= 0 ? rows[selected] : picked} onChanged={changed} user={connectionUser(connection)} />}
        </aside>
      </div>
    </div>
  );
}
