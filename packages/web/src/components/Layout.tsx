import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useSession } from '../features/auth/session';
import { useLogOut } from '../features/auth/use-log-out';
import { OfflineStatus } from '../offline/OfflineStatus';
import { Alert } from './Alert';

function NavLink({ href, children }: { readonly href: string; readonly children: ReactNode }) {
  const [location] = useLocation();
  const current = location === href || location.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** After client-side navigation, move focus to the new page's heading, as a page load would. */
function useFocusHeadingOnNavigate(): void {
  const [location] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
    }
  }, [location]);
}

/** On a phone the menu folds behind a button; it closes again whenever the page changes. */
function useMenu(): { readonly open: boolean; readonly toggle: () => void } {
  const [location] = useLocation();
  const [openAt, setOpenAt] = useState<string | null>(null);
  return {
    open: openAt === location,
    toggle: () => setOpenAt((at) => (at === location ? null : location)),
  };
}

export function Layout({ children }: { readonly children: ReactNode }) {
  const { state } = useSession();
  const { logOut, error: logoutError } = useLogOut(false);
  const menu = useMenu();
  useFocusHeadingOnNavigate();

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <Link href="/" className="brand">
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="7" />
              <path d="M10 7c4 4 4 9 1 13s3 6 11 5" />
            </svg>
            hipwise
          </Link>
          {state.status === 'ready' && (
            <button
              type="button"
              className="menu-button"
              aria-expanded={menu.open}
              aria-controls="main-menu"
              onClick={menu.toggle}
            >
              {menu.open ? 'Close menu' : 'Menu'}
            </button>
          )}
          {state.status === 'ready' && (
            <nav aria-label="Main" id="main-menu" data-open={menu.open}>
              <ul>
                <li>
                  <NavLink href="/today">Today</NavLink>
                </li>
                <li>
                  <NavLink href="/program">Programme</NavLink>
                </li>
                <li>
                  <NavLink href="/sitting">Sitting</NavLink>
                </li>
                <li>
                  <NavLink href="/stress">Stress</NavLink>
                </li>
                <li>
                  <NavLink href="/progress">Progress</NavLink>
                </li>
                {state.me.user.role === 'clinician' && (
                  <li>
                    <NavLink href="/clinician">Caseload</NavLink>
                  </li>
                )}
                {state.me.user.role === 'admin' && (
                  <li>
                    <NavLink href="/admin">Admin</NavLink>
                  </li>
                )}
                <li>
                  <NavLink href="/settings">Settings</NavLink>
                </li>
                <li>
                  <button type="button" className="link-button" onClick={() => void logOut()}>
                    Log out
                  </button>
                </li>
              </ul>
            </nav>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="wrap">
        {logoutError && <Alert tone="error" title={logoutError} />}
        {state.status === 'ready' && (
          <OfflineStatus userId={state.me.user.id} timeZone={state.me.user.timeZone} />
        )}
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>
            <strong>Not medical advice.</strong> hipwise is a self-care companion; it does not diagnose or
            treat. If you are worried about your symptoms, see a doctor or physiotherapist.
          </p>
        </div>
      </footer>
    </>
  );
}
