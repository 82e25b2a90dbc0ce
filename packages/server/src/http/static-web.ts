import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono, MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './app-env.js';

const precompressed = true;

/**
 * Sets Cache-Control on a file that was found. After the handler, because serveStatic builds its
 * response before its `onFound` hook runs, so headers set there are lost.
 */
function cacheFor(value: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status === 200 || c.res.status === 206) c.res.headers.set('Cache-Control', value);
  };
}

/**
 * Serves the built web app. Hashed assets are cached for a year; index.html never, so a new
 * release is picked up on the next load. Unknown non-API paths get index.html (client routing).
 * The build writes a .br and a .gz beside each text and .wasm file; the one the browser accepts is
 * sent as it is, so nothing is compressed per request.
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
    cacheFor('public, max-age=31536000, immutable'),
    serveStatic({ root: webDir, precompressed }),
  );
  app.use('*', cacheFor('no-cache'), serveStatic({ root: webDir, precompressed }));
  app.get('*', async (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return c.notFound();
    c.header('Cache-Control', 'no-cache');
    return c.html(await readFile(indexPath, 'utf8'));
  });
}
