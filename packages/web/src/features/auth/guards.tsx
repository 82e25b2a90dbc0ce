import type { ReactNode } from 'react';
import { Redirect } from 'wouter';
import { Loading } from '../../components/Loading';
import { LandingPage } from '../landing/LandingPage';
import { homePath } from './home-path';
import { useSession, type SessionState } from './session';
import { LoadFailed } from '../../components/LoadFailed';

/** What a page needs before it makes sense: a login, a screening, or all of onboarding. */
export type Requirement = 'login' | 'screening' | 'onboarded';

type KnownSession = Extract<SessionState, { readonly status: 'anonymous' | 'ready' }>;

/** Waits for the session (showing the failure with a retry if it did not load), then renders. */
function WithSession({ children }: { readonly children: (state: KnownSession) => ReactNode }) {
  const { state, refresh } = useSession();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    return (
      <LoadFailed
        title="hipwise could not load your account"
        message={state.message}
        retry={() => void refresh()}
      />
    );
  }
  return <>{children(state)}</>;
}

export function RequireUser({
  need,
  children,
}: {
  readonly need: Requirement;
  readonly children: ReactNode;
}) {
  return (
    <WithSession>
      {(state) => {
        if (state.status === 'anonymous') {
          return <Redirect to={state.accounts === false ? '/signup' : '/login'} replace />;
        }
        const { screening, baseline } = state.me;
        if (need !== 'login' && !screening) return <Redirect to="/welcome" replace />;
        if (need === 'onboarded' && !baseline) return <Redirect to="/baseline" replace />;
        return children;
      }}
    </WithSession>
  );
}

/** Login and signup: a logged-in user is sent where they belong instead. */
export function GuestOnly({ children }: { readonly children: ReactNode }) {
  return (
    <WithSession>
      {(state) => (state.status === 'ready' ? <Redirect to={homePath(state.me)} replace /> : children)}
    </WithSession>
  );
}

/** `/`: the landing page for a visitor, else straight to where the user belongs. */
export function HomeRedirect() {
  return (
    <WithSession>
      {(state) =>
        state.status === 'ready' ? (
          <Redirect to={homePath(state.me)} replace />
        ) : (
          <LandingPage firstAccount={state.accounts === false} />
        )
      }
    </WithSession>
  );
}
