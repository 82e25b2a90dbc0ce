import type { ReactNode } from 'react';
import { Redirect } from 'wouter';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { LandingPage } from '../landing/LandingPage';
import { homePath } from './home-path';
import { useSession } from './session';

/** What a page needs before it makes sense: a login, a screening, or all of onboarding. */
export type Requirement = 'login' | 'screening' | 'onboarded';

function SessionFailed({ message, retry }: { readonly message: string; readonly retry: () => void }) {
  return (
    <Alert tone="error" title="hipwise could not load your account">
      <p>{message}</p>
      <button type="button" onClick={retry}>
        Try again
      </button>
    </Alert>
  );
}

export function RequireUser({
  need,
  children,
}: {
  readonly need: Requirement;
  readonly children: ReactNode;
}) {
  const { state, refresh } = useSession();
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'failed':
      return <SessionFailed message={state.message} retry={() => void refresh()} />;
    case 'anonymous':
      return <Redirect to={state.accounts === false ? '/signup' : '/login'} replace />;
    case 'ready': {
      const { screening, baseline } = state.me;
      if (need !== 'login' && !screening) return <Redirect to="/welcome" replace />;
      if (need === 'onboarded' && !baseline) return <Redirect to="/baseline" replace />;
      return <>{children}</>;
    }
  }
}

/** Login and signup: a logged-in user is sent where they belong instead. */
export function GuestOnly({ children }: { readonly children: ReactNode }) {
  const { state, refresh } = useSession();
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'failed':
      return <SessionFailed message={state.message} retry={() => void refresh()} />;
    case 'anonymous':
      return <>{children}</>;
    case 'ready':
      return <Redirect to={homePath(state.me)} replace />;
  }
}

/** `/`: the landing page for a visitor, else straight to where the user belongs. */
export function HomeRedirect() {
  const { state, refresh } = useSession();
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'failed':
      return <SessionFailed message={state.message} retry={() => void refresh()} />;
    case 'anonymous':
      return <LandingPage firstAccount={state.accounts === false} />;
    case 'ready':
      return <Redirect to={homePath(state.me)} replace />;
  }
}
