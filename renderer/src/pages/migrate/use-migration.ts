import { useMigrationProfile } from './profile-store';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { MigrationPlan } from '../../../../shared/migration';
import { call } from '../../api/client';
import { markDataChanged } from '../../api/data-changes';
import { useShownJob } from '../../api/use-job-progress';

/** Batches in flight left to the engine: no number is sent, the engine finds its own and reports it. */
export const ADAPTIVE = 'adaptive';

export interface RunSettings { collections: string[]; concurrency: number | typeof ADAPTIVE; via: 'direct' | 's3'; bucket: string }

/** The Migrate page's calls: dry run, start (asking first before writing over tables that hold items), pause/resume/cancel, failures. */
export function useMigration(pair: { sourceId: string; targetId: string }, { collections, concurrency, via, bucket }: RunSettings, back = false) {
  const { jobId, progress, error: progressError, started } = useShownJob('migration', 'migration.progress');
  const running = progress?.state === 'running' || progress?.state === 'paused';
  const queryClient = useQueryClient();
  const progressPanel = useRef<HTMLElement>(null);
  // Tables that already hold items, found by the plan before a fresh start: asked about first.
  const [overwrite, setOverwrite] = useState<MigrationPlan['collections']>();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const { profile } = useMigrationProfile();
  // Fix rules are for DynamoDB's limits: the way back has none.
  const withProfile = profile && !back ? { profile } : {};
  // The region whose prices the plan uses; undefined: the DynamoDB connection's (the plan says which it took).
  const [priceRegion, setPriceRegion] = useState<string>();
  const plan = useMutation({ mutationFn: (region: string | undefined = priceRegion) => call('migration.plan', { ...pair, collections, ...withProfile, ...(region ? { priceRegion: region } : {}) }) });
  const choosePriceRegion = (region: string) => {
    setPriceRegion(region);
    plan.mutate(region);
  };
  const start = useMutation({
    mutationFn: (resume: boolean) => call('migration.start', { ...pair, options: { collections, ...(concurrency === ADAPTIVE ? {} : { concurrency }), resume, via, ...(via === 's3' ? { bucket } : {}), ...withProfile } }),
    onSuccess: ({ jobId: id }) => {
      setOverwrite(undefined);
      markDataChanged(queryClient);
      started(id);
      // The progress panel is below the fold once a plan is shown: bring it into view.
      progressPanel.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    },
  });
  const check = useMutation({
    mutationFn: async () => {
      // The way back replaces documents by `_id` and has no plan to ask about tables first.
      if (back) return [];
      const planned = plan.data && plan.data.collections.map((c) => c.collection).join() === collections.join() ? plan.data : await call('migration.plan', { ...pair, collections, ...withProfile });
      return planned.collections.filter((c) => (c.tableItems ?? 0) > 0);
    },
    onSuccess: (holding) => (holding.length > 0 ? setOverwrite(holding) : start.mutate(false)),
  });
  const control = useMutation({
    mutationFn: (action: 'migration.pause' | 'migration.resume' | 'migration.cancel') => call(action, { jobId: jobId! }),
    onSettled: () => setConfirmCancel(false),
  });
  const failedCount = progress?.overall.failed ?? 0;
  const failures = useQuery({
    queryKey: ['failures', jobId, failedCount, progress?.state],
    queryFn: () => call('migration.failures', { jobId: jobId! }),
    enabled: !!jobId && !!progress,
    placeholderData: (previous) => previous,
  });
  return { jobId, progress, progressError, running, progressPanel, overwrite, setOverwrite, confirmCancel, setConfirmCancel, plan, priceRegion, choosePriceRegion, start, check, control, failures };
}

export type Migration = ReturnType<typeof useMigration>;
