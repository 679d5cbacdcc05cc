/** Every cwdash command, in the order `--help` lists them. Each file declares its own options and runs lazily. */
import type { RegisteredCommand } from '../command.js';
import { pricingCommand } from './pricing.js';

export const commands: readonly RegisteredCommand[] = [
  pricingCommand,
];
