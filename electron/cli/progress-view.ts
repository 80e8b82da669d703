import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { MigrationProgress } from '../../shared/migration';

interface ProgressView {
  update(progress: MigrationProgress): void;
  stop(): void;
}

const formatRate = (progress: MigrationProgress) => `${Math.round(progress.overall.docsPerSecond)} docs/s${progress.concurrency ? `, ${progress.concurrency.current} in flight` : ''}`;
const formatEta = (seconds: number | null) => (seconds === null ? '-' : `${Math.ceil(seconds)}s`);

/** Live bars on a terminal: one per collection as it starts, plus the overall line. */
function barsView(stream: NodeJS.WriteStream): ProgressView {
  const multibar = new MultiBar({
    stream, hideCursor: true, clearOnComplete: false, autopadding: true,
    format: '{name} |{bar}| {value}/{total} {info}',
  }, Presets.shades_classic);
  const bars = new Map<string, SingleBar>();
  let overall: SingleBar | undefined;
  return {
    update(progress) {
      overall ??= multibar.create(progress.overall.total, 0, { name: 'overall'.padEnd(23) });
      for (const c of progress.collections) {
        if (c.state === 'pending') continue;
        let bar = bars.get(c.collection);
        if (!bar) bars.set(c.collection, (bar = multibar.create(c.total, 0, { name: c.collection.padEnd(23) })));
        bar.setTotal(c.total);
        bar.update(c.written + c.failed + c.skipped, { info: c.failed ? `(${c.failed} failed)` : c.state === 'done' ? '✓' : '' });
      }
      const o = progress.overall;
      overall.setTotal(o.total);
      overall.update(o.written + o.failed + o.skipped, { info: `${formatRate(progress)} ETA ${formatEta(o.etaSeconds)} ${progress.state === 'running' ? '' : progress.state}` });
    },
    stop: () => {
      // Draw the final state before the bars freeze (they redraw on a timer).
      multibar.update();
      multibar.stop();
    },
  };
}

/** Plain lines when not on a terminal (logs, CI): a line per finished collection and one a second overall. */
function linesView(write: (line: string) => void): ProgressView {
  const reported = new Set<string>();
  let lastLine = 0;
  return {
    update(progress) {
      for (const c of progress.collections) {
        if ((c.state === 'done' || c.state === 'failed' || c.state === 'cancelled') && !reported.has(c.collection)) {
          reported.add(c.collection);
          write(`${c.collection}: ${c.state}, ${c.written} written, ${c.failed} failed, ${c.skipped} skipped of ${c.total}`);
        }
      }
      if (progress.state === 'running' && Date.now() - lastLine >= 1000) {
        lastLine = Date.now();
        const o = progress.overall;
        write(`progress: ${o.written + o.failed + o.skipped}/${o.total} (${formatRate(progress)}, ETA ${formatEta(o.etaSeconds)})`);
      }
    },
    stop: () => {},
  };
}

export function createProgressView(stream: NodeJS.WriteStream = process.stderr): ProgressView {
  return stream.isTTY ? barsView(stream) : linesView((line) => stream.write(`${line}\n`));
}
