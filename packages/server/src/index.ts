// The server as a library: what e2e journeys and benchmarks start in-process. `npm start` runs main.ts.
export { startServer, PortInUseError, DEFAULT_SHUTDOWN_GRACE_MS, type RunningServer } from './server.js';
export { createApp } from './app.js';
export { loadConfig, type Config } from './config.js';
