/**
 * Vitest global setup: the tests that spawn the CLI (bin/cwdash.js runs dist/) and the package test need a dist/
 * built from the current sources, so the run starts by building it when any source is newer than the last build.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function buildDist(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '../../scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
}
