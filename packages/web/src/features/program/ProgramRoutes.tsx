import { RouteTable, type PageRoute } from '../../components/RouteTable';
import { LessonPage } from './LessonPage';
import { ProgramPage } from './ProgramPage';
import { SessionPage } from './SessionPage';
import './program.css';

const ROUTES: readonly PageRoute[] = [
  { path: '/', page: () => <ProgramPage /> },
  { path: '/lessons/:id', page: ({ id = '' }) => <LessonPage id={id} /> },
  { path: '/session/:variant', page: ({ variant = '' }) => <SessionPage variant={variant} /> },
];

/** Every page under /program (nested route: paths here are relative). */
export function ProgramRoutes() {
  return <RouteTable routes={ROUTES} notFound={<h1>Page not found</h1>} />;
}
