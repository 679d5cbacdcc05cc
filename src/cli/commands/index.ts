/** Every cwdash command, in the order `--help` lists them. Each file declares its own options and runs lazily. */
import type { RegisteredCommand } from '../command.js';
import { pricingCommand } from './pricing.js';
import { publishCommand } from './publish.js';
import { diffCommand } from './diff.js';

export const commands: readonly RegisteredCommand[] = [
  pricingCommand,
  publishCommand,
  diffCommand,
];
