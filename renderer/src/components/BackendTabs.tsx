import { BACKEND_IDS, BACKENDS } from '../../../shared/backends';
import type { Backend } from '../../../shared/connection';

/** One tab per registered backend (shared/backends.ts), as Browse, Dashboard and the connection form show them. */
export function BackendTabs({ value, onChange, disabled }: { value: Backend; onChange(next: Backend): void; disabled?: (backend: Backend) => boolean }) {
  return (
    <div className="segmented" role="tablist" aria-label="Backend">
      {BACKEND_IDS.map((b) => (
        <button key={b} type="button" role="tab" aria-selected={value === b} className={value === b ? 'active' : ''} disabled={disabled?.(b)} onClick={() => onChange(b)}>
          {BACKENDS[b].displayName}
        </button>
      ))}
    </div>
  );
}
