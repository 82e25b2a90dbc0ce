import { Route, Switch } from 'wouter';
import { CameraHomePage } from './CameraHomePage';
import { PostureCheckPage } from './PostureCheckPage';
import { PracticePage } from './PracticePage';

/** Camera pages under /camera (nested route: paths here are relative). */
export function CameraRoutes() {
  return (
    <Switch>
      <Route path="/">
        <CameraHomePage />
      </Route>
      <Route path="/posture">
        <PostureCheckPage />
      </Route>
      <Route path="/practice">
        <PracticePage />
      </Route>
    </Switch>
  );
}
