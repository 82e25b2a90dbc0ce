import type { ManifestOptions } from 'vite-plugin-pwa';
import { THEME_COLOURS } from '../lib/theme';

/**
 * The web app manifest (written to dist/manifest.webmanifest by the build). Icons are rendered
 * from public/favicon.svg by `npm run icons`; the shortcuts open real routes of the app.
 */
export const webManifest = {
  id: '/',
  name: 'hipwise',
  short_name: 'hipwise',
  description: 'A self-care companion for lower back pain from sitting and stress.',
  lang: 'en',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: THEME_COLOURS.light,
  background_color: '#f6f5f1',
  categories: ['health', 'medical', 'lifestyle'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  shortcuts: [
    {
      name: 'Today',
      description: "Today's plan and your check-in",
      url: '/today',
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
    },
    {
      name: 'Check-in',
      description: 'Rate your pain and stress for today',
      url: '/today#checkin-title',
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
    },
    {
      name: 'Start session',
      description: "Today's boat-pose session, from your programme",
      url: '/program',
      icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
    },
  ],
} satisfies Partial<ManifestOptions>;
