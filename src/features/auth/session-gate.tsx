import { lazy, Suspense, type ReactNode } from 'react';
import { LoadingState } from '../../components/states';
import { useSession } from './session';

// Neither is needed to show a signed-in page, so neither is in the entry bundle: the sign-in page
// loads when there is no session, the dialog when a session expires.
const SignInPage = lazy(async () => ({ default: (await import('./sign-in-page')).SignInPage }));
const SessionExpiredDialog = lazy(async () => ({ default: (await import('./session-expired-dialog')).SessionExpiredDialog }));

/** Shows the sign-in page until there is a session, and the sign-in dialog over the page when it expires. */
export function SessionGate({ tenant, children }: { tenant: string; children: ReactNode }) {
  const session = useSession();
  if (session.status === 'signed-out')
    return (
      // The same loading state as a page whose module is still loading (src/app/router.tsx).
      <Suspense fallback={<LoadingState label="Loading the page…" />}>
        <SignInPage tenant={tenant} />
      </Suspense>
    );
  return (
    <>
      {children}
      {session.expired ? (
        // Nothing to show until the dialog's code is there: the page stays as it is meanwhile.
        <Suspense fallback={null}>
          <SessionExpiredDialog />
        </Suspense>
      ) : null}
    </>
  );
}
