/** Every cwdash command, in the order `--help` lists them. Each file declares its own options and runs lazily. */
import type { RegisteredCommand } from '../command.js';
import { buildCommand } from './build.js';
import { validateCommand } from './validate.js';
import { importCommand } from './import.js';
import { previewCommand } from './preview.js';
import { pricingCommand } from './pricing.js';
import { publishCommand } from './publish.js';
import { diffCommand } from './diff.js';
import { pullCommand } from './pull.js';
import { metricsCommand } from './metrics.js';
import { costReportCommand } from './cost-report.js';
import { auditCommand } from './audit.js';
import { inventoryCommand } from './inventory.js';
import { targetsCommand } from './targets.js';
import { usageCommand } from './usage.js';

export const commands: readonly RegisteredCommand[] = [
  buildCommand,
  validateCommand,
  importCommand,
  previewCommand,
  pricingCommand,
  publishCommand,
  diffCommand,
  pullCommand,
  metricsCommand,
  costReportCommand,
  auditCommand,
  inventoryCommand,
  targetsCommand,
  usageCommand,
];
