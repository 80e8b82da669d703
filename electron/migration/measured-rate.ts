import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ratePath = (stateDir: string) => join(stateDir, 'measured-rate.json');

/** The plan's duration estimate uses the rate the last finished migration achieved here. */
export function saveMeasuredRate(stateDir: string, docsPerSecond: number, documents: number): void {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(ratePath(stateDir), JSON.stringify({ docsPerSecond, documents, measuredAt: new Date().toISOString() }));
}

export function loadMeasuredRate(stateDir: string): { docsPerSecond: number; measuredAt: string; documents: number } | undefined {
  try {
    const saved = JSON.parse(readFileSync(ratePath(stateDir), 'utf8')) as { docsPerSecond?: unknown; measuredAt?: unknown; documents?: unknown };
    const documents = typeof saved.documents === 'number' ? saved.documents : 0;
    return typeof saved.docsPerSecond === 'number' && saved.docsPerSecond > 0 ? { docsPerSecond: saved.docsPerSecond, measuredAt: String(saved.measuredAt), documents } : undefined;
  } catch {
    return undefined;
  }
}
