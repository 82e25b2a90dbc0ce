import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill is an inline script, which the server's CSP (script-src 'self') forbids.
    modulePreload: { polyfill: false },
    // Keep every asset a file: a data: URL for a font or script would also fall foul of the CSP.
    assetsInlineLimit: 0,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
