import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { BACKENDS, containerTitle } from '../../../../shared/backends';
import type { Backend } from '../../../../shared/connection';
import type { SavedConnection } from '../../../../shared/contract';
import type { QueryPreview } from '../../../../shared/database';
import { call, CallError } from '../../api/client';
import { markDataChanged } from '../../api/data-changes';
import { formatCount } from '../../components/format';
import { Empty, ErrorNotice, Loading, Notice } from '../../components/Notice';
import { BackendTabs } from '../../components/BackendTabs';
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
import { ScanWarning } from './ScanWarning';
import { useBrowseKeys } from './use-browse-keys';

type Doc = Record<string, unknown>;
/** A document's identity across reloads of the results (its key, else MongoDB's _id). */
const identity = (document: Doc) => JSON.stringify(document.id ?? document._id ?? null);

const FIRST_DRAFT: FilterDraft = { filter: '', sortField: '', sortDirection: -1, limit: 100, projection: '' };
/** `run` numbers each Run, so running the same filter again reads again (and a cancelled read can be rerun). */
type RunRequest = FindRequest & { run: number };

/** `open`: the backend to show first (DATABASE_TYPE), when it has a connection. */
export function BrowsePage({ mongo, dynamo, open, onConnect }: { mongo?: SavedConnection; dynamo?: SavedConnection; open?: Backend; onConnect(): void }) {
  const [backend, setBackend] = useState<Backend>((open === 'dynamodb' && dynamo) || !mongo ? 'dynamodb' : 'mongodb');
  const connection = ({ mongodb: mongo, dynamodb: dynamo } satisfies Record<Backend, SavedConnection | undefined>)[backend];
  const [collection, setCollection] = useState('alerts');
  const [draft, setDraft] = useState<FilterDraft>(FIRST_DRAFT);
  const [request, setRequest] = useState<RunRequest>({ filter: {}, limit: FIRST_DRAFT.limit, run: 0 });
  // The document shown, followed by identity: a reload that reorders or drops rows does not swap it for another.
  const [picked, setPicked] = useState<Doc>();
  // Planned reads only (DynamoDB); a pick names one table's GSIs, so it goes back to Auto with the collection.
  const [index, setIndex] = useState(AUTO_INDEX);
  const [warning, setWarning] = useState<{ preview: QueryPreview; request: FindRequest; index?: string }>();
  const [cancelled, setCancelled] = useState(false);
  const [clears, setClears] = useState(0);
  const { plannedReads } = BACKENDS[backend];
  const pickedIndex = plannedReads && index !== AUTO_INDEX ? index : undefined;
  // The index the shown result was read with: a new pick runs through the same preview as a new filter.
  const [runIndex, setRunIndex] = useState<string>();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const findKey = ['find', connection?.id, collection, request, runIndex];

  const collections = useQuery({
    queryKey: ['collections', connection?.id],
    queryFn: () => call('collections.list', { connectionId: connection!.id }),
    enabled: !!connection,
  });

  const results = useInfiniteQuery({
    queryKey: findKey,
    queryFn: ({ pageParam, signal }) => {
      // A cancelled query aborts its signal: the main process then stops the read (a full Scan can take many seconds).
      const requestId = crypto.randomUUID();
      signal.addEventListener('abort', () => { void call('documents.cancel', { requestId }).catch(() => {}); });
      return call('documents.find', {
        connectionId: connection!.id, collection, filter: request.filter, requestId,
        options: { limit: request.limit, ...(request.sort ? { sort: request.sort } : {}), ...(request.projection ? { projection: request.projection } : {}), ...(runIndex ? { index: runIndex } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
      });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
    enabled: !!connection,
  });

  // `withIndex` is passed explicitly (undefined = Auto): a default parameter would turn Auto back into the old pick.
  const nextRunWith = (next: FindRequest, withIndex: string | undefined) => {
    setPicked(undefined); setCancelled(false); setWarning(undefined); setRunIndex(withIndex); setRequest({ ...next, run: request.run + 1 });
  };
  // On DynamoDB a read of the whole table is previewed first, and asked about.
  // A preview that fails (e.g. an index pick the filter cannot use) runs the find, which reports it where it belongs.
  const nextRun = (next: FindRequest) => nextRunWith(next, pickedIndex);
  const runWith = (next: FindRequest, withIndex: string | undefined) => {
    if (!plannedReads || !connection) return nextRunWith(next, withIndex);
    const options = { limit: next.limit, ...(next.sort ? { sort: next.sort } : {}), ...(withIndex ? { index: withIndex } : {}) };
    call('documents.preview', { connectionId: connection.id, collection, filter: next.filter, options }).then(
      (preview) => (preview.fullRead ? setWarning({ preview, request: next, ...(withIndex ? { index: withIndex } : {}) }) : nextRunWith(next, withIndex)),
      () => nextRunWith(next, withIndex),
    );
  };
  const run = (next: FindRequest) => runWith(next, pickedIndex);
  const cancel = () => { void queryClient.cancelQueries({ queryKey: findKey }); setCancelled(true); };
  // A filter written for one collection does not fit another: a new collection starts unfiltered.
  const openCollection = (name: string, filter: Record<string, unknown> = {}, open?: Doc) => {
    setCollection(name);
    setIndex(AUTO_INDEX);
    setRunIndex(undefined);
    setDraft({ ...FIRST_DRAFT, limit: draft.limit, filter: Object.keys(filter).length ? JSON.stringify(filter) : '' });
    setWarning(undefined);
    setCancelled(false);
    setRequest({ filter, limit: draft.limit, run: request.run + 1 });
    setPicked(open);
  };
  const openReference = (target: string, id: string) => openCollection(target, { id }, { id });
  const clear = () => { setDraft({ ...FIRST_DRAFT, limit: draft.limit }); setClears(clears + 1); nextRun({ filter: {}, limit: draft.limit }); };

  useBrowseKeys({
    run: () => form.current?.requestSubmit(),
    focusFilter: () => form.current?.querySelector<HTMLInputElement>('[data-skip-target]')?.focus(),
    escape: () => { if (warning) setWarning(undefined); else if (picked) setPicked(undefined); },
  });

  if (!mongo && !dynamo) {
    return <ConnectionsNeeded title="Browse" message="No connection selected" action="Choose or start one" onConnect={onConnect} />;
  }

  const pages = results.data?.pages ?? [];
  const rows = pages.flatMap((p) => p.documents);
  const lastPlan = pages.at(-1)?.plan;
  const total = (field: 'itemsScanned' | 'consumedCapacity') => (pages.every((p) => p.plan[field] !== undefined) ? pages.reduce((sum, p) => sum + (p.plan[field] ?? 0), 0) : undefined);
  const selected = picked ? rows.findIndex((row) => identity(row) === identity(picked)) : -1;
  const loading = results.isFetching && !results.isFetchingNextPage;
  const wasCancelled = cancelled || (results.error instanceof CallError && results.error.code === 'CANCELLED');
  const refresh = () => {
    markDataChanged(queryClient);
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
  const switchBackend = (next: Backend) => { setBackend(next); setPicked(undefined); setIndex(AUTO_INDEX); setRunIndex(undefined); setWarning(undefined); };

  return (
    <div className="page page-wide">
      <PageHeader title="Browse" subtitle={connection ? connection.name : 'Choose a connection for this backend on the Connections page.'}>
        <BackendTabs value={backend} onChange={switchBackend} />
      </PageHeader>
      <div className="browse">
        <section className="browse-main" aria-label="Query and results">
          {connection && (collection === 'alerts' || collection === 'incidents') && <QuickFilters key={`${collection}-${clears}`} connectionId={connection.id} collection={collection} onApply={(filter) => {
            setDraft({ ...draft, filter: Object.keys(filter).length ? JSON.stringify(filter) : '' });
            run({ ...request, filter });
          }} />}
          <FilterBar draft={draft} onChange={setDraft} onRun={run} onClear={clear} onCancel={cancel} running={results.isFetching} formRef={form} />
          {connection && <ResultTools connection={connection} collection={collection} request={request} index={runIndex} draft={draft} info={collections.data?.find((c) => c.name === collection)}
            onApply={(next) => { const checked = checkDraft(next).request; setDraft(next); if (checked) run(checked); }} />}
          {warning && <ScanWarning preview={warning.preview} onCancel={() => setWarning(undefined)} onRun={() => nextRunWith(warning.request, warning.index)} />}
          <div className="results-bar" aria-live="polite">
            <span>{loading ? 'Loading…' : `${formatCount(rows.length)} loaded${results.hasNextPage ? ' · more available' : ''}`}</span>
            {results.hasNextPage && (
              <button type="button" className="button button-small" onClick={() => { setCancelled(false); void results.fetchNextPage(); }} disabled={results.isFetching}>
                {results.isFetchingNextPage ? 'Loading…' : `Load ${request.limit} more`}
              </button>
            )}
            {results.isFetchingNextPage && <button type="button" className="button button-small" onClick={cancel}>Cancel</button>}
          </div>
          {wasCancelled && !results.isFetching && <Notice kind="info" title="Cancelled">The read was stopped. Run the query again, or change it.</Notice>}
          {results.error && !wasCancelled && !refusedPick(results.error, index) && <ErrorNotice error={results.error} title="The query failed" />}
          {loading && connection && <Loading label="Running the query…" />}
          {results.data && rows.length === 0 && <Empty title="No documents match">Change the filter, or clear it to see everything.</Empty>}
          {rows.length > 0 && <ResultsTable rows={rows} selectedIndex={selected >= 0 ? selected : undefined} onSelect={(i) => setPicked(rows[i])} onOpenReference={openReference} />}
        </section>
        <nav className="panel collections" aria-label="Collections">
          <div className="panel-header"><h2>{containerTitle(backend, true)}</h2></div>
          {!connection && <Empty title="Not connected" />}
          {collections.isPending && connection && <Loading />}
          {collections.error && <ErrorNotice error={collections.error} />}
          <ul className="collection-list">
            {collections.data?.map((c) => (
              <li key={c.name}>
                <button type="button" className={`collection-item${c.name === collection ? ' active' : ''}${c.exists ? '' : ' missing'}`} onClick={() => openCollection(c.name)}
                  aria-current={c.name === collection ? 'true' : undefined} title={c.exists ? c.physicalName : `${c.physicalName} does not exist yet`}>
                  <span>{c.name}</span>
                  <span className="count">{c.exists ? `${c.countIsEstimate ? '~' : ''}${formatCount(c.count)}` : '—'}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="browse-side">
          {connection && (selected >= 0 || picked) && <DocumentCopy document={selected >= 0 ? rows[selected]! : picked!} />}
          {connection && <DocumentPanel key={`${connection.id}/${collection}/${picked ? identity(picked) : ''}`} connectionId={connection.id} collection={collection} document={selected >= 0 ? rows[selected] : picked && Object.keys(picked).length > 1 ? picked : undefined} onChanged={changed} onOpenReference={openReference} onClose={() => setPicked(undefined)} user={connectionUser(connection)} />}
          {connection && plannedReads && <IndexPicker connectionId={connection.id} collection={collection} value={index} onChange={(next) => { setPicked(undefined); setIndex(next); runWith(request, next === AUTO_INDEX ? undefined : next); }} error={results.error} />}
          {lastPlan && <PlanPanel plan={lastPlan} pages={pages.length} scanned={total('itemsScanned')} capacity={total('consumedCapacity')} returned={rows.length} picked={!!runIndex} fullRead={pages.some((p) => p.plan.fullRead)} />}
          {connection && <IndexesPanel connectionId={connection.id} collection={collection} />}
        </div>
      </div>
    </div>
  );
}
