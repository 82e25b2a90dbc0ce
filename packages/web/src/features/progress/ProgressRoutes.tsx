import { Route, Switch } from 'wouter';
import { usePageTitle } from '../../lib/use-page-title';

function ProgressHome() {
  usePageTitle('Progress');
  return <h1>Progress</h1>;
}

/** Every page under /progress (nested route: paths here are relative). */
export function ProgressRoutes() {
  return (
    <Switch>
      <Route path="/">
        <ProgressHome />
      </Route>
    </Switch>
  );
}
