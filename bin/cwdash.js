#!/usr/bin/env node
// The compiled CLI (dist/, built by `npm run build`, which `npm ci` runs as the prepare step).
import { runFromProcess } from '../dist/cli/main.js';

await runFromProcess();
