import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import './hostile-inputs';

/** Sums what test/hostile-inputs.ts recorded; the security run's last line is this sentence. */
export function tallyLine(records: string): string {
  let tried = 0;
  let wrong = 0;
  for (const line of records.split('\n').filter(Boolean)) {
    const record = JSON.parse(line) as { tried: number; wronglyAccepted: number };
    tried += record.tried;
    wrong += record.wronglyAccepted;
  }
  return wrong === 0
    ? `Security: ${tried} hostile inputs tried, none accepted wrongly.`
    : `Security: ${tried} hostile inputs tried, ${wrong} ACCEPTED WRONGLY.`;
}

/** Global setup of the security project: a fresh tally file, printed and removed at the end. */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'awc-hostile-'));
  const file = join(dir, 'tally.jsonl');
  writeFileSync(file, '');
  project.provide('hostileTally', file);
  return () => {
    const line = tallyLine(readFileSync(file, 'utf8'));
    rmSync(dir, { recursive: true, force: true });
    // After vitest's own summary, so it is the run's last line.
    setImmediate(() => console.log(line));
  };
}
