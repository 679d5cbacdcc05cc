/** Headless Chromium for HTML tests: the chromium on PATH (Debian's package) with flags that keep it off the network. */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from './external-tools.js';

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

/** Call only inside `describeWithTool(CHROMIUM, ...)`, which skips (or, with CI=true, fails) when it is missing. */
export function launchChromium(): Promise<Browser> {
  if (CHROMIUM.path === undefined) throw new Error('chromium is not on PATH');
  return chromium.launch({ executablePath: CHROMIUM.path, args: CHROMIUM_ARGS });
}
