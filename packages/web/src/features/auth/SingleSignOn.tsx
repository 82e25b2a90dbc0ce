import { useCallback } from 'react';
import { api } from '../../api';
import { deviceTimeZone } from '../../lib/time-zone';
import { useLoad } from '../../lib/use-load';

/**
 * "Sign in with <name>", when this hipwise has single sign-on. A plain link: the browser goes to
 * the provider and comes back signed in (or to the log-in page with the reason it was not).
 */
export function SingleSignOn() {
  const { state } = useLoad(useCallback((signal: AbortSignal) => api.instance(signal), []));
  if (state.status !== 'ready' || state.data.sso === null) return null;
  const href = `/api/auth/oidc/start?${new URLSearchParams({ timeZone: deviceTimeZone() }).toString()}`;
  return (
    <div className="single-sign-on">
      <a className="button primary" href={href}>
        Sign in with {state.data.sso.name}
      </a>
      <p className="field-hint">Or use an email and password:</p>
    </div>
  );
}
