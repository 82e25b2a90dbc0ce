import { Suspense, useRef, type ReactNode } from 'react';
import { Link, Route, Switch } from 'wouter';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import { GuestOnly, HomeRedirect, RequireUser } from './features/auth/guards';
import { LoginPage } from './features/auth/LoginPage';
import { SessionProvider, useSession } from './features/auth/session';
import { SignupPage } from './features/auth/SignupPage';
import { lazyPage } from './lib/lazy-page';

// Everything behind log-in is loaded when first visited (charts, camera, questionnaires, the
// break coach), so a first visit downloads only the landing, log-in and sign-up pages.
const WelcomePage = lazyPage(() => import('./features/onboarding/WelcomePage'), 'WelcomePage');
const ScreeningPage = lazyPage(() => import('./features/screening/ScreeningPage'), 'ScreeningPage');
const BaselinePage = lazyPage(() => import('./features/baseline/BaselinePage'), 'BaselinePage');
const TodayPage = lazyPage(() => import('./features/today/TodayPage'), 'TodayPage');
const ProgramRoutes = lazyPage(() => import('./features/program/ProgramRoutes'), 'ProgramRoutes');
const SittingRoutes = lazyPage(() => import('./features/sitting/SittingRoutes'), 'SittingRoutes');
const StressRoutes = lazyPage(() => import('./features/stress/StressRoutes'), 'StressRoutes');
const ProgressRoutes = lazyPage(() => import('./features/progress/ProgressRoutes'), 'ProgressRoutes');
const CameraRoutes = lazyPage(() => import('./features/camera/CameraRoutes'), 'CameraRoutes');
const SettingsPage = lazyPage(() => import('./features/settings/SettingsPage'), 'SettingsPage');
const BreakCoach = lazyPage(() => import('./features/sitting/BreakCoach'), 'BreakCoach');

/** A lazily loaded page, with the app's loading indicator while its code arrives. */
function Page({ children }: { readonly children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/**
 * The break coach, loaded once someone has signed in, and kept mounted after they log out so it
 * can clear what it stored for them.
 */
function BreakCoachOnceSignedIn() {
  const { state } = useSession();
  const signedIn = useRef(false);
  if (state.status === 'ready') signedIn.current = true;
  if (!signedIn.current) return null;
  return (
    <Suspense fallback={null}>
      <BreakCoach />
    </Suspense>
  );
}

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link href="/">Go to hipwise</Link>
      </p>
    </>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Layout>
        <Switch>
          <Route path="/">
            <HomeRedirect />
          </Route>
          <Route path="/signup">
            <GuestOnly>
              <SignupPage />
            </GuestOnly>
          </Route>
          <Route path="/login">
            <GuestOnly>
              <LoginPage />
            </GuestOnly>
          </Route>
          <Route path="/welcome">
            <RequireUser need="login">
              <Page>
                <WelcomePage />
              </Page>
            </RequireUser>
          </Route>
          <Route path="/screening">
            <RequireUser need="login">
              <Page>
                <ScreeningPage />
              </Page>
            </RequireUser>
          </Route>
          <Route path="/baseline">
            <RequireUser need="screening">
              <Page>
                <BaselinePage />
              </Page>
            </RequireUser>
          </Route>
          <Route path="/today">
            <RequireUser need="onboarded">
              <Page>
                <TodayPage />
              </Page>
            </RequireUser>
          </Route>
          <Route path="/program" nest>
            <RequireUser need="onboarded">
              <Page>
                <ProgramRoutes />
              </Page>
            </RequireUser>
          </Route>
          <Route path="/sitting" nest>
            <RequireUser need="onboarded">
              <Page>
                <SittingRoutes />
              </Page>
            </RequireUser>
          </Route>
          <Route path="/stress" nest>
            <RequireUser need="onboarded">
              <Page>
                <StressRoutes />
              </Page>
            </RequireUser>
          </Route>
          <Route path="/progress" nest>
            <RequireUser need="onboarded">
              <Page>
                <ProgressRoutes />
              </Page>
            </RequireUser>
          </Route>
          <Route path="/camera" nest>
            <RequireUser need="onboarded">
              <Page>
                <CameraRoutes />
              </Page>
            </RequireUser>
          </Route>
          <Route path="/settings">
            <RequireUser need="login">
              <Page>
                <SettingsPage />
              </Page>
            </RequireUser>
          </Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Layout>
      <BreakCoachOnceSignedIn />
    </SessionProvider>
  );
}
