import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { CallError } from './api/client';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A validation or not-found error will not fix itself by retrying.
      retry: (count, error) => count < 1 && !(error instanceof CallError && ['VALIDATION', 'NOT_FOUND', 'INVALID_QUERY', 'UNSUPPORTED_OPERATOR', 'AUTH_FAILED', 'CANCELLED'].includes(error.code)),
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
