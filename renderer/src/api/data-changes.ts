import { useQuery, type QueryClient } from '@tanstack/react-query';

const KEY = ['data-changed-at'];

/**
 * When this window last changed data (an edit, a delete, a migration started): a verify result
 * from before then may no longer be true, and Verify says so.
 */
export function markDataChanged(queryClient: QueryClient): void {
  queryClient.setQueryData(KEY, Date.now());
}

export function useDataChangedAt(): number {
  return useQuery({ queryKey: KEY, queryFn: () => 0, staleTime: Infinity, gcTime: Infinity }).data ?? 0;
}
