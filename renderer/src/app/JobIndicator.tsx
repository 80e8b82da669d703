import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';

const LIVE = ['running', 'paused'];

/** A migration or verify still running (or paused) in the main process, whatever page is shown. */
export function JobIndicator() {
  const jobs = useQuery({ queryKey: ['jobs'], queryFn: () => call('jobs.list', {}), refetchInterval: 2000 });
  const live = (jobs.data ?? []).filter((j) => LIVE.includes(j.state));
  return (
    <div className="job-indicator" role="status" aria-live="polite" data-testid="job-indicator">
      {live.map((j) => (
        <a key={j.jobId} href={`#/${j.kind === 'migration' ? 'migrate' : 'verify'}`} className="job-link">
          <span className={`job-dot job-${j.state}`} aria-hidden="true" />
          {j.kind === 'migration' ? 'Migration' : 'Verify'} {j.state}
        </a>
      ))}
    </div>
  );
}
