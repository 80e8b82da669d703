import { useQuery } from '@tanstack/react-query';
import type { Backend } from '../../../shared/connection';
import { call } from '../api/client';
import { BrowsePage } from '../pages/browse/BrowsePage';
import { CloudFormationPage } from '../pages/cloudformation/CloudFormationPage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { FieldsPage } from '../pages/fields/FieldsPage';
import { CutoverPage } from '../pages/cutover/CutoverPage';
import { ConnectionsPage } from '../pages/connections/ConnectionsPage';
import { MigratePage } from '../pages/migrate/MigratePage';
import { VerifyPage } from '../pages/verify/VerifyPage';
import { JobIndicator } from './JobIndicator';
import { PageErrorBoundary } from './PageErrorBoundary';
import { PAGES, useHashPage } from './use-hash-page';
import { useSelection } from './use-selection';

/** The skip link's target: the page's main field when it names one (Browse's filter), else the page. */
function skipToContent(): void {
  const main = document.getElementById('content');
  (main?.querySelector<HTMLElement>('[data-skip-target]') ?? main)?.focus();
}

export function App() {
  const [page, go] = useHashPage();
  const [selection, select] = useSelection();
  const connections = useQuery({ queryKey: ['connections'], queryFn: () => call('connections.list', {}) });
  // The connections the environment set up (MONGO_URL, AWS_REGION, ...) and the backend DATABASE_TYPE names.
  const defaults = useQuery({ queryKey: ['connection-defaults'], queryFn: () => call('connections.defaults', {}) });
  const saved = connections.data ?? [];
  // A selection whose connection is gone (removed, or a sandbox of an earlier run) is ignored; the environment's is used instead.
  const chosen = (backend: Backend, ...ids: (string | undefined)[]) =>
    ids.map((id) => saved.find((c) => c.id === id && c.backend === backend)).find((c) => c !== undefined);
  const mongo = chosen('mongodb', selection.mongoId, defaults.data?.mongoId);
  const dynamo = chosen('dynamodb', selection.dynamoId, defaults.data?.dynamoId);

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={skipToContent}>Skip to content</button>
      <aside className="sidebar" aria-label="Console">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">AW</span>
          <span className="brand-name">Alert Whisperer<small>Console</small></span>
        </div>
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <a key={p.id} href={`#/${p.id}`} className={`nav-link${page === p.id ? ' active' : ''}`} aria-current={page === p.id ? 'page' : undefined}>
              {p.label}
            </a>
          ))}
        </nav>
        <JobIndicator />
        <div className="sidebar-footer">
          <div className="current-connection" title="MongoDB source">
            <span className={`dot ${mongo ? 'dot-mongo' : 'dot-off'}`} />{mongo?.name ?? 'No MongoDB connection'}
          </div>
          <div className="current-connection" title="DynamoDB target">
            <span className={`dot ${dynamo ? 'dot-dynamo' : 'dot-off'}`} />{dynamo?.name ?? 'No DynamoDB connection'}
          </div>
        </div>
      </aside>
      <main className="content" id="content" tabIndex={-1}>
        <PageErrorBoundary key={page}>
          {page === 'connections' && <ConnectionsPage connections={connections} selection={{ mongoId: mongo?.id, dynamoId: dynamo?.id }} select={select} onOpen={() => go('browse')} />}
          {page === 'browse' && <BrowsePage key={defaults.data && connections.data ? defaults.data.open : 'loading'} mongo={mongo} dynamo={dynamo} open={defaults.data?.open} onConnect={() => go('connections')} />}
          {page === 'dashboard' && <DashboardPage mongo={mongo} dynamo={dynamo} onConnect={() => go('connections')} />}
          {page === 'fields' && <FieldsPage mongo={mongo} dynamo={dynamo} onConnect={() => go('connections')} />}
          {page === 'migrate' && <MigratePage mongo={mongo} dynamo={dynamo} onConnect={() => go('connections')} />}
          {page === 'verify' && <VerifyPage mongo={mongo} dynamo={dynamo} onConnect={() => go('connections')} />}
          {page === 'cutover' && <CutoverPage mongo={mongo} dynamo={dynamo} onConnect={() => go('connections')} />}
          {page === 'cloudformation' && <CloudFormationPage dynamo={dynamo} />}
        </PageErrorBoundary>
      </main>
    </div>
  );
}
