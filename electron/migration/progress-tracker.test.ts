import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressTracker } from './progress-tracker';

describe('ProgressTracker', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('stops the clock and keeps the run rate once the job has ended', () => {
    vi.useFakeTimers({ now: 0 });
    const tracker = new ProgressTracker('job-1', ['alerts']);
    tracker.collection('alerts').total = 100;
    vi.advanceTimersByTime(2000);
    tracker.collection('alerts').written = 100;
    tracker.state = 'completed';
    const end = tracker.snapshot();
    expect(end.elapsedMs).toBe(2000);
    expect(end.overall.docsPerSecond).toBe(50);
    expect(end.overall.etaSeconds).toBeNull();
    vi.advanceTimersByTime(60_000);
    expect(tracker.snapshot()).toEqual(end);
  });

  it('reports a live rate and an ETA while running', () => {
    vi.useFakeTimers({ now: 0 });
    const tracker = new ProgressTracker('job-2', ['alerts']);
    tracker.collection('alerts').total = 300;
    tracker.snapshot();
    vi.advanceTimersByTime(1000);
    tracker.collection('alerts').written = 100;
    const live = tracker.snapshot();
    expect(live.overall.docsPerSecond).toBe(100);
    expect(live.overall.etaSeconds).toBe(2);
    expect(live.elapsedMs).toBe(1000);
  });
});
