import { useEffect, useState } from 'react';

export const PAGES = [
  { id: 'connections', label: 'Connections' },
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'browse', label: 'Browse' },
  { id: 'fields', label: 'Fields' },
  { id: 'migrate', label: 'Migrate' },
  { id: 'verify', label: 'Verify' },
  { id: 'cutover', label: 'Cutover' },
  { id: 'cloudformation', label: 'CloudFormation' },
] as const;
type PageId = (typeof PAGES)[number]['id'];

function current(): PageId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return PAGES.find((p) => p.id === id)?.id ?? 'connections';
}

/** The page in the URL's hash, so a reload stays on it. */
export function useHashPage(): [PageId, (page: PageId) => void] {
  const [page, setPage] = useState(current);
  useEffect(() => {
    const onChange = () => setPage(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [page, (next) => { window.location.hash = `/${next}`; }];
}
