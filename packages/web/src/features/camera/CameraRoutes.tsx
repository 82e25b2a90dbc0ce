import { Route, Switch } from 'wouter';
import { usePageTitle } from '../../lib/use-page-title';

function PostureCheck() {
  usePageTitle('Posture check');
  return <h1>Posture check</h1>;
}

/** Camera pages under /camera (nested route: paths here are relative). */
export function CameraRoutes() {
  return (
    <Switch>
      <Route path="/posture">
        <PostureCheck />
      </Route>
    </Switch>
  );
}
