import type { QueryPreview } from '../../../../shared/database';
import { formatCount } from '../../components/format';

/** Asks before a read of the whole table: why it is one, and what it will cost. */
export function ScanWarning({ preview, onRun, onCancel }: { preview: QueryPreview; onRun(): void; onCancel(): void }) {
  return (
    <section className="notice notice-warning scan-warning" role="alertdialog" aria-labelledby="scan-warning-title" aria-describedby="scan-warning-body" data-testid="scan-warning">
      <strong className="notice-title" id="scan-warning-title">This query reads the whole {preview.target} table</strong>
      <div id="scan-warning-body">
        <p>
          About {formatCount(preview.estimatedItems)} items and {formatCount(preview.estimatedCapacity)} read capacity units
          {' '}(from the table&apos;s size; DynamoDB updates it about every 6 hours). Large tables take many seconds; you can cancel while it runs.
        </p>
        {preview.reasons.length > 0 && <ul className="plain-list">{preview.reasons.map((r) => <li key={r}>{r}</li>)}</ul>}
        <p>To avoid it: filter on <code>company_id</code> (sorted by time through company-timestamp-index) or on <code>status</code>, or remove the sort.</p>
      </div>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={onCancel} autoFocus>Don&apos;t run</button>
        <button type="button" className="button button-small button-danger" onClick={onRun}>Read the whole table</button>
      </div>
    </section>
  );
}
