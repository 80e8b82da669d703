import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentProblemSchema, type DocumentProblem } from '../../shared/migration';

/** Failures kept in memory for `failures()`; the log file has every one. */
const MEMORY_LIMIT = 10_000;

export const errorLogPath = (stateDir: string, runId: string) => join(stateDir, `errors-${runId}.jsonl`);

/**
 * The run's per-document error log: one JSON line per failed document (collection, id, code,
 * reason), appended as failures happen. A resumed run continues the same file; documents read
 * again after a resume are not logged twice.
 */
export class ErrorLog {
  private readonly fd: number;
  private readonly seen = new Set<string>();
  private readonly kept: DocumentProblem[] = [];
  /** Lines written since the last sync: most checkpoints follow no new failure and need no fsync. */
  private unsynced = false;
  count = 0;

  constructor(readonly path: string, continuing: boolean) {
    mkdirSync(join(path, '..'), { recursive: true });
    if (continuing) this.readExisting();
    this.fd = openSync(path, continuing ? 'a' : 'w');
  }

  private readExisting(): void {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return;
    }
    for (const line of text.split('\n')) {
      // The last line of a killed run may be cut short: skip what does not parse.
      try {
        const parsed = DocumentProblemSchema.safeParse(JSON.parse(line));
        if (parsed.success) this.remember(parsed.data);
      } catch {}
    }
  }

  private remember(problem: DocumentProblem): boolean {
    const identity = `${problem.collection}\u0000${problem.id}\u0000${problem.code}`;
    if (this.seen.has(identity)) return false;
    this.seen.add(identity);
    this.count++;
    if (this.kept.length < MEMORY_LIMIT) this.kept.push(problem);
    return true;
  }

  record(problem: DocumentProblem): void {
    if (!this.remember(problem)) return;
    writeSync(this.fd, `${JSON.stringify(problem)}\n`);
    this.unsynced = true;
  }

  problems(): DocumentProblem[] {
    return [...this.kept];
  }

  /** Flushes the log to disk: called before a checkpoint moves past the documents it lists. */
  sync(): void {
    if (!this.unsynced) return;
    fsyncSync(this.fd);
    this.unsynced = false;
  }

  close(): void {
    closeSync(this.fd);
  }
}
