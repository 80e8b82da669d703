export function ProgressBar({ done, total, label, state }: { done: number; total: number; label: string; state?: string }) {
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : state === 'done' || state === 'completed' ? 100 : 0;
  return (
    <div className={`progress progress-${state ?? 'running'}`}>
      <div className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-percent">{percent} %</span>
    </div>
  );
}
