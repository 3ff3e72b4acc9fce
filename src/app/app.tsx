import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { RouterProvider } from 'react-router';
import { authConfigOf, type RuntimeConfig } from '../config/runtime-config';
import { SessionProvider, type InitialSession } from '../features/auth/session';
import { SessionGate } from '../features/auth/session-gate';
import { createQueryClient, resetSession } from '../lib/query-client';
import { createAppRouter } from './router';
import { tenantLabel } from './tenant-label';

interface AppStart {
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
}

/**
 * The query client and the router, made before React renders: the router's loader sends the
 * first page's request as the router is created, so it leaves now rather than once React has
 * rendered (and once the page chunks that arrived meanwhile have run).
 */
export function startApp(): AppStart {
  const queryClient = createQueryClient();
  return { queryClient, router: createAppRouter(queryClient) };
}

export function App({ config, session, start }: { config: RuntimeConfig; session: InitialSession; start: AppStart }) {
  const [queryClient] = useState(start.queryClient);
  const [router, setRouter] = useState(start.router);
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
