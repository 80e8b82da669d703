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

describe('ProgressTracker while preparing and paused', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('says "preparing" instead of a rate and an ETA before the first batches are written', () => {
    vi.useFakeTimers({ now: 0 });
    const tracker = new ProgressTracker('job-3', ['alerts']);
    tracker.collection('alerts').total = 158_000;
    tracker.collection('alerts').state = 'running';
    vi.advanceTimersByTime(1000);
    tracker.collection('alerts').written = 3;
    const early = tracker.snapshot();
    expect(early.overall).toMatchObject({ preparing: true, etaSeconds: null });
    expect(early.collections[0]).toMatchObject({ etaSeconds: null });
    vi.advanceTimersByTime(2000);
    tracker.collection('alerts').written = 3000;
    const later = tracker.snapshot();
    expect(later.overall.preparing).toBeUndefined();
    expect(later.overall.etaSeconds).toBeGreaterThan(0);
    expect(later.collections[0]!.docsPerSecond).toBeGreaterThan(0);
    expect(later.collections[0]!.etaSeconds).toBeGreaterThan(0);
  });

  it('stops Elapsed while paused, and shows the running collection as paused', () => {
    vi.useFakeTimers({ now: 0 });
    const tracker = new ProgressTracker('job-4', ['alerts']);
    tracker.collection('alerts').state = 'running';
    vi.advanceTimersByTime(1000);
    tracker.state = 'paused';
    vi.advanceTimersByTime(60_000);
    const paused = tracker.snapshot();
    expect(paused.elapsedMs).toBe(1000);
    expect(paused.collections[0]!.state).toBe('paused');
    tracker.state = 'running';
    vi.advanceTimersByTime(500);
    expect(tracker.snapshot().elapsedMs).toBe(1500);
    expect(tracker.snapshot().collections[0]!.state).toBe('running');
  });
});
