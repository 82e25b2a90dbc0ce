import { NotFound } from './components/NotFound';
import { Suspense, useRef, type ReactNode } from 'react';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import { RouteTable, type PageRoute } from './components/RouteTable';
import { GuestOnly, HomeRedirect, RequireUser, type Requirement } from './features/auth/guards';
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
const ClinicianRoutes = lazyPage(() => import('./features/clinician/ClinicianRoutes'), 'ClinicianRoutes');
const AdminPage = lazyPage(() => import('./features/practice/AdminPage'), 'AdminPage');
const JoinPage = lazyPage(() => import('./features/practice/JoinPage'), 'JoinPage');
const BreakCoach = lazyPage(() => import('./features/sitting/BreakCoach'), 'BreakCoach');

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
  { path: '/clinician', nest: true, access: 'login', page: () => <ClinicianRoutes /> },
  { path: '/admin', access: 'login', page: () => <AdminPage /> },
  { path: '/join', page: () => <JoinPage /> },
  { path: '/join/:code', page: () => <JoinPage /> },
];

/** A lazily loaded page shows the app's loading indicator while its code arrives. */
const ROUTES: readonly PageRoute[] = PAGES.map((p) => ({
  ...p,
  page: () => guarded(p.access, <Suspense fallback={<Loading />}>{p.page()}</Suspense>),
}));

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

export function App() {
  return (
    <SessionProvider>
      <Layout>
        <RouteTable routes={ROUTES} notFound={<NotFound />} />
      </Layout>
      <BreakCoachOnceSignedIn />
    </SessionProvider>
  );
}
