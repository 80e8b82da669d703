import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { JobSummary, StreamEvent, StreamInput, StreamName } from '../../../shared/contract';
import { call, subscribe } from './client';

/**
 * The live progress of a job: the latest event at once, then every update. Several windows or
 * tabs may watch the same job; after a reload the page subscribes again.
 */
function useJobProgress<K extends StreamName>(stream: K, jobId: string | undefined): { progress?: StreamEvent<K>; error?: unknown } {
  const [state, setState] = useState<{ jobId?: string; progress?: StreamEvent<K>; error?: unknown }>({});
  useEffect(() => {
    if (!jobId) return;
    let stop: (() => void) | undefined;
    let live = true;
    subscribe(stream, { jobId } as StreamInput<K>, (progress) => { if (live) setState({ jobId, progress }); }).then(
      (unsubscribe) => { if (live) stop = unsubscribe; else unsubscribe(); },
      (error: unknown) => { if (live) setState({ jobId, error }); },
    );
    return () => { live = false; stop?.(); };
  }, [stream, jobId]);
  return state.jobId === jobId ? state : {};
}

/** The newest job of a kind the main process knows: how a reloaded page finds its run again. */
function useLatestJob(kind: JobSummary['kind']): JobSummary | undefined {
  const jobs = useQuery({ queryKey: ['jobs'], queryFn: () => call('jobs.list', {}) });
  return jobs.data?.find((j) => j.kind === kind);
}

/**
 * The job a page shows, with its live progress: the one it started, else the newest of its kind
 * (a reloaded page finds its run again). `started` records a job the page has just started.
 */
export function useShownJob<K extends StreamName>(kind: JobSummary['kind'], stream: K): { jobId?: string; progress?: StreamEvent<K>; error?: unknown; started(jobId: string): void } {
  const [startedJob, setStartedJob] = useState<string>();
  const latest = useLatestJob(kind);
  const jobId = startedJob ?? latest?.jobId;
  const { progress, error } = useJobProgress(stream, jobId);
  const queryClient = useQueryClient();
  const started = (id: string) => {
    setStartedJob(id);
    void queryClient.invalidateQueries({ queryKey: ['jobs'] });
  };
  return { jobId, progress, error, started };
}
