import { Route, Switch } from 'wouter';
import { usePageTitle } from '../../lib/use-page-title';

function SittingHome() {
  usePageTitle('Sitting and breaks');
  return <h1>Sitting and breaks</h1>;
}

/** Every page under /sitting (nested route: paths here are relative). */
export function SittingRoutes() {
  return (
    <Switch>
      <Route path="/">
        <SittingHome />
      </Route>
    </Switch>
  );
}
