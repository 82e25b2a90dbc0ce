import { Route, Switch } from 'wouter';
import { usePageTitle } from '../../lib/use-page-title';

function StressHome() {
  usePageTitle('Stress');
  return <h1>Stress</h1>;
}

/** Every page under /stress (nested route: paths here are relative). */
export function StressRoutes() {
  return (
    <Switch>
      <Route path="/">
        <StressHome />
      </Route>
    </Switch>
  );
}
