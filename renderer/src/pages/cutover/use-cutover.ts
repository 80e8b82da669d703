import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CutoverVerify } from '../../../../shared/cutover';
import { call } from '../../api/client';
import { markDataChanged } from '../../api/data-changes';
import { useShownJob } from '../../api/use-job-progress';
import { useMigrationProfile } from '../migrate/profile-store';

export interface CutoverSettings { collections: string[]; lagThresholdSeconds: number }

/** The Cutover page's calls: start, the DBA's stop-writes confirmation, cancel; the job's live progress (found again after a reload). */
export function useCutover(pair: { sourceId: string; targetId: string }) {
  const { jobId, progress, error: progressError, started } = useShownJob('cutover', 'cutover.progress');
  const queryClient = useQueryClient();
  const { profile } = useMigrationProfile();
  const start = useMutation({
    mutationFn: (settings: CutoverSettings) => call('cutover.start', { ...pair, options: { ...settings, ...(profile ? { profile } : {}) } }),
    onSuccess: ({ jobId: id }) => {
      markDataChanged(queryClient);
      started(id);
    },
  });
  const confirm = useMutation({ mutationFn: (verify: CutoverVerify) => call('cutover.confirmStopWrites', { jobId: jobId!, verify }) });
  const cancel = useMutation({ mutationFn: () => call('cutover.cancel', { jobId: jobId! }) });
  return { jobId, progress, progressError, running: progress?.state === 'running', profile, start, confirm, cancel };
}

export type Cutover = ReturnType<typeof useCutover>;
