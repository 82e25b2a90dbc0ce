import { RouteTable, type PageRoute } from '../../components/RouteTable';
import { SittingPage } from './SittingPage';
import './sitting.css';

const ROUTES: readonly PageRoute[] = [{ path: '/', page: () => <SittingPage /> }];

/** Every page under /sitting (nested route: paths here are relative). */
export function SittingRoutes() {
  return <RouteTable routes={ROUTES} />;
}
