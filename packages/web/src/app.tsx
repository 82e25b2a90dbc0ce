import { Link, Route, Switch } from 'wouter';
import { Layout } from './components/Layout';
import { GuestOnly, HomeRedirect, RequireUser } from './features/auth/guards';
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
              <WelcomePage />
            </RequireUser>
          </Route>
          <Route path="/screening">
            <RequireUser need="login">
              <ScreeningPage />
            </RequireUser>
          </Route>
          <Route path="/baseline">
            <RequireUser need="screening">
              <BaselinePage />
            </RequireUser>
          </Route>
          <Route path="/today">
            <RequireUser need="onboarded">
              <TodayPage />
            </RequireUser>
          </Route>
          <Route path="/program" nest>
            <RequireUser need="onboarded">
              <ProgramRoutes />
            </RequireUser>
          </Route>
          <Route path="/sitting" nest>
            <RequireUser need="onboarded">
              <SittingRoutes />
            </RequireUser>
          </Route>
          <Route path="/stress" nest>
            <RequireUser need="onboarded">
              <StressRoutes />
            </RequireUser>
          </Route>
          <Route path="/progress" nest>
            <RequireUser need="onboarded">
              <ProgressRoutes />
            </RequireUser>
          </Route>
          <Route path="/camera" nest>
            <RequireUser need="onboarded">
              <CameraRoutes />
            </RequireUser>
          </Route>
          <Route path="/settings">
            <RequireUser need="login">
              <SettingsPage />
            </RequireUser>
          </Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Layout>
      <BreakCoach />
    </SessionProvider>
  );
}
