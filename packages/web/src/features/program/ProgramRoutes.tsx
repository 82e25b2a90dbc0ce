import { Route, Switch } from 'wouter';
import { LessonPage } from './LessonPage';
import { ProgramPage } from './ProgramPage';
import { SessionPage } from './SessionPage';
import './program.css';

/** Every page under /program (nested route: paths here are relative). */
export function ProgramRoutes() {
  return (
    <Switch>
      <Route path="/">
        <ProgramPage />
      </Route>
      <Route path="/lessons/:id">{(params) => <LessonPage id={params.id} />}</Route>
      <Route path="/session/:variant">{(params) => <SessionPage variant={params.variant} />}</Route>
      <Route>
        <h1>Page not found</h1>
      </Route>
    </Switch>
  );
}
