import { Route, Switch } from 'wouter';
import { ProgressPage } from './ProgressPage';
import { QuestionnairePage } from './QuestionnairePage';
import { WeeklyPage } from './WeeklyPage';
import './progress.css';

/** Every page under /progress (nested route: paths here are relative). */
export function ProgressRoutes() {
  return (
    <Switch>
      <Route path="/">
        <ProgressPage />
      </Route>
      <Route path="/questionnaires/:id">{(params) => <QuestionnairePage id={params.id} />}</Route>
      <Route path="/weekly">
        <WeeklyPage />
      </Route>
    </Switch>
  );
}
