import { revealLaunchTarget } from './launch-target';
import { startServiceWorker } from './service-worker';

/** What makes hipwise an installed app, loaded after the first render (not in the first visit's JavaScript). */
export function startPwa(): void {
  startServiceWorker();
  revealLaunchTarget();
}
