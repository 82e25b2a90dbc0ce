import { RouteTable, type PageRoute } from '../../components/RouteTable';
import { CameraHomePage } from './CameraHomePage';
import { PostureCheckPage } from './PostureCheckPage';
import { PracticePage } from './PracticePage';

const ROUTES: readonly PageRoute[] = [
  { path: '/', page: () => <CameraHomePage /> },
  { path: '/posture', page: () => <PostureCheckPage /> },
  { path: '/practice', page: () => <PracticePage /> },
];

/** Camera pages under /camera (nested route: paths here are relative). */
export function CameraRoutes() {
  return <RouteTable routes={ROUTES} />;
}
