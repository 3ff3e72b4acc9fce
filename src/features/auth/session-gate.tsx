import type { ReactNode } from 'react';
import { useSession } from './session';
import { SessionExpiredDialog } from './session-expired-dialog';
import { SignInPage } from './sign-in-page';

/** Shows the sign-in page until there is a session, and the sign-in dialog over the page when it expires. */
export function SessionGate({ tenant, children }: { tenant: string; children: ReactNode }) {
  const session = useSession();
  if (session.status === 'signed-out') return <SignInPage tenant={tenant} />;
  return (
    <>
      {children}
      {session.expired ? <SessionExpiredDialog /> : null}
    </>
  );
}
