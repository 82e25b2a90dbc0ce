import { Route, Switch } from 'wouter';
import { SittingPage } from './SittingPage';
import './sitting.css';

/** Every page under /sitting (nested route: paths here are relative). */
export function SittingRoutes() {
  return (
    <Switch>
      <Route path="/">
        <SittingPage />
      </Route>
    </Switch>
  );
}
