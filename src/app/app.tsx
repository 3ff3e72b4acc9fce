import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { RouterProvider } from 'react-router';
import { authConfigOf, type RuntimeConfig } from '../config/runtime-config';
import { SessionProvider, type InitialSession } from '../features/auth/session';
import { SessionGate } from '../features/auth/session-gate';
import { createQueryClient, resetSession } from '../lib/query-client';
import { createAppRouter } from './router';
import { tenantLabel } from './tenant-label';

export function App({ config, session }: { config: RuntimeConfig; session: InitialSession }) {
  const [queryClient] = useState(createQueryClient);
  // The router starts the first page's request as it is created, with this client (no waterfall).
  const [router, setRouter] = useState(() => createAppRouter(queryClient));
  // Sign-out or another account: forget every query, cursor and cookie, and start again from the
  // start page with a fresh router (the old one's location and page state belonged to the
  // previous session).
  const endSession = useCallback(() => {
    resetSession(queryClient);
    router.dispose();
    window.history.replaceState(null, '', import.meta.env.BASE_URL);
    setRouter(createAppRouter(queryClient));
  }, [queryClient, router]);
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider auth={authConfigOf(config)} initial={session} onSessionEnd={endSession}>
        <SessionGate tenant={tenantLabel(config)}>
          <RouterProvider router={router} />
        </SessionGate>
      </SessionProvider>
    </QueryClientProvider>
  );
}
