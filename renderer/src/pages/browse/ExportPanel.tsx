import { useRef, useState } from 'react';
import type { SavedConnection } from '../../../../shared/contract';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, assembleExport, type ExportChunk, type ExportFormat } from '../../../../shared/export-format';
import { call } from '../../api/client';
import { downloadParts } from '../../components/download';
import { formatCount } from '../../components/format';
import { ErrorNotice, Notice } from '../../components/Notice';
import { ProgressBar } from '../../components/ProgressBar';
import type { FindRequest } from './FilterBar';

interface Progress { exported: number; pages: number; state: 'running' | 'done' | 'cancelled'; notes: string[]; filename?: string }

const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

/**
 * Exports the whole result of the current query, not the loaded page: the main process reads it
 * page by page (export.next) and this assembles the pages into one file for a download.
 */
export function ExportPanel({ connection, collection, request, index, total }: { connection: SavedConnection; collection: string; request: FindRequest; index?: string; total?: number }) {
  const [format, setFormat] = useState<ExportFormat>('json');
  const [progress, setProgress] = useState<Progress>();
  const [error, setError] = useState<unknown>();
  const cancel = useRef<() => void>(undefined);

  async function run() {
    setError(undefined);
    const { exportId, notes } = await call('export.start', {
      connectionId: connection.id, collection, filter: request.filter, format,
      ...(request.sort ? { sort: request.sort } : {}), ...(request.projection ? { projection: request.projection } : {}), ...(index ? { index } : {}),
    });
    let cancelled = false;
    cancel.current = () => { cancelled = true; void call('export.cancel', { exportId }).catch(() => {}); };
    const chunks: ExportChunk[] = [];
    let columns: string[] | undefined;
    setProgress({ exported: 0, pages: 0, state: 'running', notes });
    for (let done = false; !done;) {
      const next = await call('export.next', { exportId });
      if (cancelled) return setProgress((p) => p && { ...p, state: 'cancelled' });
      chunks.push({ records: next.records, ...(next.width !== undefined ? { width: next.width } : {}) });
      columns = next.columns;
      done = next.done;
      setProgress({ exported: next.exported, pages: next.pages, state: done ? 'done' : 'running', notes });
    }
    const info = EXPORT_FORMAT_INFO[format];
    const filename = `${collection}-${connection.backend}-${stamp()}.${info.extension}`;
    downloadParts(filename, assembleExport(format, chunks, columns), info.type);
    setProgress((p) => p && { ...p, filename });
  }

  const running = progress?.state === 'running';
  return (
    <section className="panel tool-panel" aria-label="Export">
      <div className="tool-row">
        <label className="field-inline">Format
          <select className="input input-small" aria-label="Export format" value={format} disabled={running} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {EXPORT_FORMATS.map((f) => <option key={f} value={f}>{EXPORT_FORMAT_INFO[f].label}</option>)}
          </select>
        </label>
        {!running && <button type="button" className="button button-primary button-small" onClick={() => void run().catch((e: unknown) => { setError(e); setProgress(undefined); })}>Export all matches</button>}
        {running && <button type="button" className="button button-small" onClick={() => cancel.current?.()}>Cancel export</button>}
      </div>
      <p className="muted small">Every document the filter matches, read by the console page by page (1,000 at a time), not just the rows loaded here.</p>
      {progress && (
        <div className="stack-tight" data-testid="export-progress">
          {total !== undefined && total > 0 && <ProgressBar done={progress.exported} total={total} label="Export progress" state={progress.state} />}
          <span>
            {formatCount(progress.exported)} exported · {progress.pages} {progress.pages === 1 ? 'page' : 'pages'}
            {progress.state === 'done' && progress.filename && <> · saved as <code>{progress.filename}</code></>}
            {progress.state === 'cancelled' && ' · cancelled, nothing saved'}
          </span>
          {progress.notes.map((n) => <Notice key={n} kind="warning">{n}</Notice>)}
        </div>
      )}
      {error !== undefined && <ErrorNotice error={error} title="The export failed" />}
    </section>
  );
}
