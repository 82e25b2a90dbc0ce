import type { ReactNode } from 'react';
import { Route, Switch, type DefaultParams } from 'wouter';

export interface PageRoute {
  /** A wouter path; inside a nested route it is relative to the nest. */
  readonly path: string;
  /** What the path shows, given the path's parameters (`:id` → `params.id`). */
  readonly page: (params: DefaultParams) => ReactNode;
  /** True for a prefix whose page has routes of its own. */
  readonly nest?: boolean;
}

/**
 * A table of routes, the first match wins; `notFound` (if any) shows when none matches. The app
 * and every feature with several pages declare their pages this way.
 */
export function RouteTable({
  routes,
  notFound,
}: {
  readonly routes: readonly PageRoute[];
  readonly notFound?: ReactNode;
}) {
  return (
    <Switch>
      {routes.map((r) => (
        <Route key={r.path} path={r.path} nest={r.nest}>
          {(params: DefaultParams) => r.page(params)}
        </Route>
      ))}
      {notFound !== undefined && <Route>{notFound}</Route>}
    </Switch>
  );
}
