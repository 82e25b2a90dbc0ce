import { Route, Switch } from 'wouter';
import { usePageTitle } from '../../lib/use-page-title';

function ProgramHome() {
  usePageTitle('Your programme');
  return <h1>Your programme</h1>;
}

/** Every page under /program (nested route: paths here are relative). */
export function ProgramRoutes() {
  return (
    <Switch>
      <Route path="/">
        <ProgramHome />
      </Route>
    </Switch>
  );
}
