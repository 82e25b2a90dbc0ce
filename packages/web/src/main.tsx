import './zod-csp';
import './zod-messages';
import { watchInstallOffer } from './pwa/install-offer';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { startTheme } from './lib/page-theme';
import './styles.css';

// Before the first render, so the first paint is already in the chosen palette (no inline script: CSP).
startTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The browser offers installing once, early: listen before anything else is loaded.
watchInstallOffer();
// The service worker, its update notice and the shortcuts' targets, after the first render.
import('./pwa/start').then(
  (pwa) => pwa.startPwa(),
  () => undefined, // Offline before a first visit completed: the page works without them.
);
