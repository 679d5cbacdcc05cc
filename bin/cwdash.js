#!/usr/bin/env node
// cwdash ships its TypeScript sources; tsx's loader compiles them on the fly, so `npx cwdash` works right after
// `npm ci` with no build step, and the same loader imports the user's TypeScript dashboard definitions.
import { register } from 'tsx/esm/api';

register();
const { runFromProcess } = await import('../src/cli/main.ts');
await runFromProcess();
