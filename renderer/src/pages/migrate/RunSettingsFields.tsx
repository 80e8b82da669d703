import { ADAPTIVE, type RunSettings } from './use-migration';

/** Fixed overrides, within the engine's range (1 to 32). */
const FIXED_CHOICES = [1, 2, 4, 8, 16, 32];

/** Batches in flight, the path (direct or via S3) and the bucket the S3 path needs. */
export function RunSettingsFields({ settings, onChange, back }: { settings: RunSettings; onChange(change: Partial<RunSettings>): void; back?: boolean }) {
  const { concurrency, via, bucket } = settings;
  return (
    <>
      <label className="field-inline"><span>Batches in flight</span>
        <select className="input input-small" aria-label="Concurrency" value={concurrency} onChange={(e) => onChange({ concurrency: e.target.value === ADAPTIVE ? ADAPTIVE : Number(e.target.value) })}
          title="Adaptive: the engine finds the number itself (more while throughput grows, half on throttling) and shows it in the progress. A number fixes it.">
          <option value={ADAPTIVE}>Adaptive (recommended)</option>
          {FIXED_CHOICES.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
      {/* The S3 path ends in DynamoDB's ImportTable: the way back is direct only. */}
      {!back && <label className="field-inline"><span>Path</span>
        <select className="input input-small" aria-label="Path" value={via} onChange={(e) => onChange({ via: e.target.value as 'direct' | 's3' })} title="Via S3: export to S3, then DynamoDB ImportTable (creates new tables only)">
          <option value="direct">direct</option>
          <option value="s3">via S3</option>
        </select>
      </label>}
      {!back && via === 's3' && <input className="input input-small" aria-label="S3 bucket" placeholder="S3 bucket" value={bucket} onChange={(e) => onChange({ bucket: e.target.value })} />}
    </>
  );
}
