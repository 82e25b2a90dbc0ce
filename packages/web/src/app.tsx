import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { Layout } from './components/Layout';
import { RouteTable, type PageRoute } from './components/RouteTable';
import { GuestOnly, HomeRedirect, RequireUser, type Requirement } from './features/auth/guards';
import { LoginPage } from './features/auth/LoginPage';
import { SessionProvider } from './features/auth/session';
import { SignupPage } from './features/auth/SignupPage';
import { BaselinePage } from './features/baseline/BaselinePage';
import { WelcomePage } from './features/onboarding/WelcomePage';
import { ScreeningPage } from './features/screening/ScreeningPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { TodayPage } from './features/today/TodayPage';
import { ProgramRoutes } from './features/program/ProgramRoutes';
import { SittingRoutes } from './features/sitting/SittingRoutes';
import { BreakCoach } from './features/sitting/BreakCoach';
import { StressRoutes } from './features/stress/StressRoutes';
import { ProgressRoutes } from './features/progress/ProgressRoutes';
import { CameraRoutes } from './features/camera/CameraRoutes';

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

/** Who may see a page: guests only, or users who have got this far (see RequireUser). */
type Access = 'guest' | Requirement;

function guarded(access: Access | undefined, page: ReactNode): ReactNode {
  if (access === undefined) return page;
  if (access === 'guest') return <GuestOnly>{page}</GuestOnly>;
  return <RequireUser need={access}>{page}</RequireUser>;
}

const PAGES: readonly (Omit<PageRoute, 'page'> & {
  readonly access?: Access;
  readonly page: () => ReactNode;
})[] = [
  { path: '/', page: () => <HomeRedirect /> },
  { path: '/signup', access: 'guest', page: () => <SignupPage /> },
  { path: '/login', access: 'guest', page: () => <LoginPage /> },
  { path: '/welcome', access: 'login', page: () => <WelcomePage /> },
  { path: '/screening', access: 'login', page: () => <ScreeningPage /> },
  { path: '/baseline', access: 'screening', page: () => <BaselinePage /> },
  { path: '/today', access: 'onboarded', page: () => <TodayPage /> },
  { path: '/program', nest: true, access: 'onboarded', page: () => <ProgramRoutes /> },
  { path: '/sitting', nest: true, access: 'onboarded', page: () => <SittingRoutes /> },
  { path: '/stress', nest: true, access: 'onboarded', page: () => <StressRoutes /> },
  { path: '/progress', nest: true, access: 'onboarded', page: () => <ProgressRoutes /> },
  { path: '/camera', nest: true, access: 'onboarded', page: () => <CameraRoutes /> },
  { path: '/settings', access: 'login', page: () => <SettingsPage /> },
];

const ROUTES: readonly PageRoute[] = PAGES.map((p) => ({ ...p, page: () => guarded(p.access, p.page()) }));

export function App() {
  return (
    <SessionProvider>
      <Layout>
        <RouteTable routes={ROUTES} notFound={<NotFound />} />
      </Layout>
      <BreakCoach />
    </SessionProvider>
  );
}
