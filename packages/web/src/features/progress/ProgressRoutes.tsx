import { RouteTable, type PageRoute } from '../../components/RouteTable';
import { ProgressPage } from './ProgressPage';
import { QuestionnairePage } from './QuestionnairePage';
import { WeeklyPage } from './WeeklyPage';
import './progress.css';

const ROUTES: readonly PageRoute[] = [
  { path: '/', page: () => <ProgressPage /> },
  { path: '/questionnaires/:id', page: ({ id = '' }) => <QuestionnairePage id={id} /> },
  { path: '/weekly', page: () => <WeeklyPage /> },
];

/** Every page under /progress (nested route: paths here are relative). */
export function ProgressRoutes() {
  return <RouteTable routes={ROUTES} />;
}
