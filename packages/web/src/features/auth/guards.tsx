import type { ReactNode } from 'react';
import { Redirect } from 'wouter';
import { Loading } from '../../components/Loading';
import { homePath } from './home-path';
import { useSession } from './session';
import { LoadFailed } from '../../components/LoadFailed';

/** What a page needs before it makes sense: a login, a screening, or all of onboarding. */
export type Requirement = 'login' | 'screening' | 'onboarded';

function SessionFailed({ message, retry }: { readonly message: string; readonly retry: () => void }) {
  return <LoadFailed title="hipwise could not load your account" message={message} retry={retry} />;
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
      return <Redirect to="/login" replace />;
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

/** `/`: straight to where the user belongs. */
export function HomeRedirect() {
  const { state, refresh } = useSession();
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'failed':
      return <SessionFailed message={state.message} retry={() => void refresh()} />;
    case 'anonymous':
      return <Redirect to="/login" replace />;
    case 'ready':
      return <Redirect to={homePath(state.me)} replace />;
  }
}
