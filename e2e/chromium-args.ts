/**
 * How every test and bench starts Debian's Chromium: headless, no GPU, and nothing that reaches
 * the internet on its own (QUIC, background networking, component updates, sync).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
