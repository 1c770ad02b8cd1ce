/** Debian's Chromium as the browser tests and the bench drive it with playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, and no background connections: this machine's network is closed. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
