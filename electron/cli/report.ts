import type { DocumentProblem, MigrationSummary, VerifyResult } from '../../shared/migration';

type Write = (line: string) => void;

/** The seed's verify output, `✓ alerts: MongoDB=1250, DynamoDB=1250`, then what differs and where. */
export function printVerify(result: VerifyResult, write: Write, ends: { source: string; target: string } = { source: 'MongoDB', target: 'DynamoDB' }): void {
  write('Verifying migration...');
  for (const c of result.collections) {
    const unmigratable = c.sourceCount - c.targetCount > 0 && c.countsMatch ? ` (${c.sourceCount - c.targetCount} could not be migrated, listed below)` : '';
    const sampled = c.content?.sampled ? `, content sampled: ${c.content.compared} compared` : '';
    write(`${c.ok ? '✓' : '✗'} ${c.collection}: ${ends.source}=${c.sourceCount}, ${ends.target}=${c.targetCount}${unmigratable}${sampled}`);
    if (!c.content) continue;
    for (const [rule, count] of Object.entries(c.content.ruleChanged ?? {})) write(`    changed by rule ${rule}: ${count} (as the profile says; not a difference)`);
    for (const id of c.content.missing) write(`    missing in ${ends.target}: ${id}`);
    for (const id of c.content.extra) write(`    extra in ${ends.target} (no source document): ${id}`);
    for (const d of c.content.different) {
      write(`    different: ${d.id}`);
      for (const f of d.differences) write(`      ${f.path}: ${ends.source} ${'source' in f ? JSON.stringify(f.source) : '(absent)'} → ${ends.target} ${'target' in f ? JSON.stringify(f.target) : '(absent)'}`);
    }
  }
  const unmigratable = result.collections.flatMap((c) => c.content?.unmigratable ?? []);
  if (unmigratable.length > 0) {
    write('');
    printProblems('Documents that could not be migrated:', unmigratable, write);
  }
}

export function printProblems(title: string, problems: DocumentProblem[], write: Write): void {
  write(title);
  for (const p of problems) write(`  ${p.collection} ${p.id} [${p.code}] ${p.reason}`);
}

/** What a resumed run's checkpoint had already handled; the summary's counts include it. */
export interface EarlierCounts {
  written: number;
  failed: number;
  skipped: number;
}

/** What the summary adds to the engine's counts: the part a resume inherited, and the source's count at the end. */
export interface SummaryContext {
  earlier?: EarlierCounts;
  /** Documents in the selected collections once the run ended (their metadata count). */
  sourceNow?: number;
}

/**
 * The outcome line, then what makes its counts add up: the part handled before a resume, and a
 * plain note when the documents handled differ from what the source holds now (it changed meanwhile).
 */
export function printSummary(summary: MigrationSummary, errorLog: string, write: Write, context: SummaryContext = {}): void {
  const o = summary.overall;
  const seconds = (summary.elapsedMs / 1000).toFixed(1);
  const c = summary.concurrency;
  const inFlight = c ? (c.mode === 'fixed' ? `; ${c.current} batches in flight (fixed)` : `; adaptive concurrency: ${c.current} batches in flight at the end, at most ${c.peak}`) : '';
  write(`${summary.stage === 'export' ? 'Export' : 'Migration'} ${summary.state}: ${o.written} written, ${o.failed} failed, ${o.skipped} skipped of ${o.total} documents in ${seconds}s${inFlight}`);
  const { earlier, sourceNow } = context;
  if (earlier) {
    write(`  of which before the resume: ${earlier.written} written, ${earlier.failed} failed, ${earlier.skipped} skipped; in this run: ${o.written - earlier.written} written, ${o.failed - earlier.failed} failed, ${o.skipped - earlier.skipped} skipped`);
  }
  const handled = o.written + o.failed + o.skipped;
  if (summary.state === 'completed' && sourceNow !== undefined && handled !== sourceNow) {
    write(`  ${handled} documents handled, but the source holds ${sourceNow} now: it changed during the migration. Run verify to list the differences.`);
  }
  if (summary.error) write(`Error: ${summary.error.message}`);
  if (summary.failures.length > 0) {
    printProblems(`Failed documents (also in ${errorLog}):`, summary.failures, write);
  }
}
