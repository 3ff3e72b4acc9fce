import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { authConfigOf, type RuntimeConfig } from '../config/runtime-config';
import { SessionProvider, type InitialSession } from '../features/auth/session';
import { SessionGate } from '../features/auth/session-gate';
import { createQueryClient } from '../lib/query-client';
import { createAppRouter } from './router';
import { tenantLabel } from './tenant-label';

export function App({ config, session }: { config: RuntimeConfig; session: InitialSession }) {
  const [queryClient] = useState(createQueryClient);
  // The router starts the first page's request as it is created, with this client (no waterfall).
  const [router] = useState(() => createAppRouter(queryClient));
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider auth={authConfigOf(config)} initial={session}>
        <SessionGate tenant={tenantLabel(config)}>
          <RouterProvider router={router} />
        </SessionGate>
      </SessionProvider>
    </QueryClientProvider>
  );
}
