import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './app-env.js';

/**
 * Serves the built web app. Hashed assets are cached for a year; index.html never, so a new
 * release is picked up on the next load. Unknown non-API paths get index.html (client routing).
 */
export function mountWebApp(app: Hono<AppEnv>, webDir: string) {
  const indexPath = join(webDir, 'index.html');
  if (!existsSync(indexPath)) {
    app.get('*', (c) =>
      c.text(`The web app has not been built. Run \`npm run build\` (npm start does it for you).`, 503),
    );
    return;
  }
  app.use(
    '/assets/*',
    serveStatic({
      root: webDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', serveStatic({ root: webDir, onFound: (_p, c) => c.header('Cache-Control', 'no-cache') }));
  app.get('*', async (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return c.notFound();
    c.header('Cache-Control', 'no-cache');
    return c.html(await readFile(indexPath, 'utf8'));
  });
}
