import { NotFound } from '../../components/NotFound';
import { RouteTable, type PageRoute } from '../../components/RouteTable';
import { useMe } from '../auth/session';
import { CaseloadPage } from './CaseloadPage';
import { MemberPage } from './MemberPage';
import '../progress/progress.css';
import '../program/program.css';
import './clinician.css';

const ROUTES: readonly PageRoute[] = [
  { path: '/', page: () => <CaseloadPage /> },
  { path: '/members/:id', page: ({ id = '' }) => <MemberPage id={id} /> },
];

/** Every page under /clinician (nested route: paths here are relative). */
export function ClinicianRoutes() {
  const me = useMe();
  // The server answers anyone else with "not found" too; say it the way the app does.
  if (me.user.role !== 'clinician') return <NotFound />;
  return <RouteTable routes={ROUTES} />;
}
