import { useQuery } from '@tanstack/react-query';
import type { JobSummary } from '../../../shared/contract';
import { call } from '../api/client';

const LIVE = ['running', 'paused'];
const PAGE_OF: Record<JobSummary['kind'], { page: string; label: string }> = {
  migration: { page: 'migrate', label: 'Migration' },
  verify: { page: 'verify', label: 'Verify' },
  cutover: { page: 'cutover', label: 'Cutover' },
};

/** A migration or verify still running (or paused) in the main process, whatever page is shown. */
export function JobIndicator() {
  const jobs = useQuery({ queryKey: ['jobs'], queryFn: () => call('jobs.list', {}), refetchInterval: 2000 });
  const live = (jobs.data ?? []).filter((j) => LIVE.includes(j.state));
  return (
    <div className="job-indicator" role="status" aria-live="polite" data-testid="job-indicator">
      {live.map((j) => (
        <a key={j.jobId} href={`#/${PAGE_OF[j.kind].page}`} className="job-link">
          <span className={`job-dot job-${j.state}`} aria-hidden="true" />
          {PAGE_OF[j.kind].label} {j.state}
        </a>
      ))}
    </div>
  );
}
