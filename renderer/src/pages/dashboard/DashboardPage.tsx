import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { AlertDashboard } from '../../../../shared/alert-dashboard';
import { BACKENDS } from '../../../../shared/backends';
import type { Backend } from '../../../../shared/connection';
import type { SavedConnection } from '../../../../shared/contract';
import { call } from '../../api/client';
import { BackendTabs } from '../../components/BackendTabs';
import { ConnectionsNeeded } from '../../components/ConnectionsNeeded';
import { formatCount } from '../../components/format';
import { ErrorNotice, Loading } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { TimeChart, type ChartSeries } from '../../components/TimeChart';
import { DashboardControls } from './DashboardControls';
import { QueriesBehind } from './QueriesBehind';
import '../../features.css';

const COLORS: Record<string, string> = {
  critical: '#dc2626', high: '#ea580c', medium: '#ca8a04', low: '#2563eb',
  active: '#dc2626', acknowledged: '#ca8a04', resolved: '#16a34a',
};
const OTHER_COLORS = ['#7c3aed', '#0891b2', '#db2777', '#64748b'];

function toSeries(counts: Record<string, number[]>): ChartSeries[] {
  return Object.entries(counts).map(([label, values], i) => ({ label, values, color: COLORS[label] ?? OTHER_COLORS[i % OTHER_COLORS.length]! }));
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function Tiles({ data }: { data: AlertDashboard }) {
  const tiles = [['alerts', data.total, '#64748b'] as const, ...toSeries(data.bySeverity).map((s) => [s.label, sum(s.values), s.color] as const), ...toSeries(data.byStatus).map((s) => [s.label, sum(s.values), s.color] as const)];
  return (
    <div className="dashboard-tiles" data-testid="dashboard-tiles">
      {tiles.map(([label, value, color]) => (
        <div key={label} className="panel tile">
          <span className="tile-value">{formatCount(value)}</span>
          <span className="tile-label"><span className="tile-swatch" style={{ background: color }} aria-hidden="true" />{label}</span>
        </div>
      ))}
    </div>
  );
}

/** Alert counts by severity and status over time, per company, on either backend, with the reads behind them. */
export function DashboardPage({ mongo, dynamo, onConnect }: { mongo?: SavedConnection; dynamo?: SavedConnection; onConnect(): void }) {
  const [backend, setBackend] = useState<Backend>(dynamo ? 'dynamodb' : 'mongodb');
  const connections: Record<Backend, SavedConnection | undefined> = { mongodb: mongo, dynamodb: dynamo };
  const connection = connections[backend];
  const [companyId, setCompanyId] = useState('');
  const [days, setDays] = useState(30);
  const [bucket, setBucket] = useState<'hour' | 'day'>('day');

  const companies = useQuery({
    queryKey: ['companies', connection?.id],
    queryFn: () => call('documents.find', { connectionId: connection!.id, collection: 'companies', filter: {}, options: { limit: 1000, projection: { id: 1, name: 1 } } }),
    enabled: !!connection,
  });
  const input = { connectionId: connection?.id ?? '', days, bucket, ...(companyId ? { companyId } : {}) };
  const dashboard = useQuery({ queryKey: ['dashboard', input], queryFn: () => call('dashboard.alerts', input), enabled: !!connection });
  const data = dashboard.data;
  const severity = useMemo(() => (data ? toSeries(data.bySeverity) : []), [data]);
  const status = useMemo(() => (data ? toSeries(data.byStatus) : []), [data]);

  if (!mongo && !dynamo) return <ConnectionsNeeded title="Dashboard" message="No connection selected" action="Choose or start one" onConnect={onConnect} />;
  const companyName = companies.data?.documents.find((c) => c.id === companyId)?.name;
  const scope = `${companyId ? String(companyName ?? companyId) : 'all companies'}, last ${days} days, per ${bucket}`;

  return (
    <div className="page">
      <PageHeader title="Dashboard" subtitle={`Alerts by severity and status: ${scope}`}>
        <BackendTabs value={backend} onChange={(next) => { setBackend(next); setCompanyId(''); }} disabled={(b) => !connections[b]} />
      </PageHeader>
      <DashboardControls companies={companies.data?.documents ?? []} companyId={companyId} onCompany={setCompanyId} days={days} onDays={setDays} bucket={bucket} onBucket={setBucket}
        refreshing={dashboard.isFetching} onRefresh={() => void dashboard.refetch()} />
      {!connection && <p className="muted">Choose a {BACKENDS[backend].displayName} connection on the Connections page.</p>}
      {dashboard.isPending && connection && <Loading label="Reading the alerts…" />}
      {dashboard.error && <ErrorNotice error={dashboard.error} title="The dashboard could not be computed" />}
      {data && (
        <>
          <Tiles data={data} />
          <div className="dashboard-charts">
            <TimeChart title="By severity" summary={`Alerts per ${bucket} by severity: ${severity.map((s) => `${s.label} ${sum(s.values)}`).join(', ')}`} times={data.buckets} series={severity} />
            <TimeChart title="By status" summary={`Alerts per ${bucket} by status: ${status.map((s) => `${s.label} ${sum(s.values)}`).join(', ')}`} times={data.buckets} series={status} />
          </div>
          <QueriesBehind data={data} />
        </>
      )}
    </div>
  );
}
