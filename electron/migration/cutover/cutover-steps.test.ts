import { describe, expect, it } from 'vitest';
import { LAG_HISTORY_LIMIT, type CaptureStatus } from '../../../shared/cutover';
import { addSample, waitingFor } from './cutover-steps';

const lag = (secondsBehind: number, pending: number): CaptureStatus => ({ state: 'catching-up', secondsBehind, pending, applied: 0, failed: 0, position: '1.1', collections: [] });

describe('what each cutover step waits for', () => {
  it('names the threshold and the lag now while catching up', () => {
    expect(waitingFor('catching-up', { state: 'running', lagThresholdSeconds: 2, lag: lag(7.25, 40) })).toBe('Lag under 2.0 s with nothing more waiting in the oplog (now 7.3 s, 40 pending).');
  });

  it('asks the DBA to stop writes when in sync, and to switch only after a clean verify', () => {
    expect(waitingFor('in-sync', { state: 'running', lagThresholdSeconds: 2, lag: lag(0.4, 3) })).toMatch(/^You: stop writes to MongoDB .*now 0\.4 s behind, 3 pending/);
    const clean = { collections: [], ok: true };
    expect(waitingFor('switch', { state: 'completed', lagThresholdSeconds: 2, verify: { done: 1, total: 1, result: clean } })).toMatch(/^You: switch the application to DynamoDB/);
    expect(waitingFor('switch', { state: 'completed', lagThresholdSeconds: 2, verify: { done: 1, total: 1, result: { ...clean, ok: false } } })).toMatch(/^Verify found differences: do not switch/);
  });

  it('says which verify runs', () => {
    expect(waitingFor('verifying', { state: 'running', lagThresholdSeconds: 2, verify: { sample: 500, done: 0, total: 0, phase: 'counting documents' } })).toBe('The final verify (a sample of 500 per collection): counting documents.');
  });
});

describe('the lag history behind the chart', () => {
  it('keeps the latest LAG_HISTORY_LIMIT samples', () => {
    let history = addSample([], lag(1, 1), 0);
    for (let n = 1; n <= LAG_HISTORY_LIMIT + 5; n++) history = addSample(history, lag(n, n), n * 1000);
    expect(history).toHaveLength(LAG_HISTORY_LIMIT);
    expect(history.at(-1)).toEqual({ at: (LAG_HISTORY_LIMIT + 5) * 1000, secondsBehind: LAG_HISTORY_LIMIT + 5, pending: LAG_HISTORY_LIMIT + 5 });
  });
});
