/** The dashboard's scope: which company, how far back, and per hour or per day. */
export function DashboardControls({ companies, companyId, onCompany, days, onDays, bucket, onBucket, refreshing, onRefresh }: {
  companies: Record<string, unknown>[]; companyId: string; onCompany(id: string): void; days: number; onDays(days: number): void;
  bucket: 'hour' | 'day'; onBucket(bucket: 'hour' | 'day'): void; refreshing: boolean; onRefresh(): void;
}) {
  return (
    <div className="dashboard-controls panel">
      <label className="field">
        <span className="field-label">Company</span>
        <select className="input" aria-label="Company" value={companyId} onChange={(e) => onCompany(e.target.value)}>
          <option value="">All companies</option>
          {companies.map((c) => <option key={String(c.id)} value={String(c.id)}>{String(c.name ?? c.id)}</option>)}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Period</span>
        <select className="input" aria-label="Period" value={days} onChange={(e) => onDays(Number(e.target.value))}>
          {[1, 7, 30, 90].map((d) => <option key={d} value={d}>last {d} {d === 1 ? 'day' : 'days'}</option>)}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Per</span>
        <select className="input" aria-label="Bucket" value={bucket} onChange={(e) => onBucket(e.target.value as 'hour' | 'day')}>
          <option value="day">day</option>
          <option value="hour">hour</option>
        </select>
      </label>
      <button type="button" className="button" onClick={onRefresh} disabled={refreshing}>{refreshing ? 'Reading…' : 'Refresh'}</button>
    </div>
  );
}
