import { useEffect, useRef } from 'react';

const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Browse's keyboard shortcuts: Ctrl/Cmd+Enter runs the filter, `/` focuses it (unless typing),
 * Escape closes what is open (the scan warning, then the document).
 */
export function useBrowseKeys(actions: { run(): void; focusFilter(): void; escape(): void }): void {
  const latest = useRef(actions);
  useEffect(() => { latest.current = actions; });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); latest.current.run(); }
      else if (event.key === '/' && !typing(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) { event.preventDefault(); latest.current.focusFilter(); }
      else if (event.key === 'Escape' && !event.defaultPrevented) latest.current.escape();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
