/**
 * Every cwdash command, in the order `--help` lists them: its name, usage and one-line description, and the module
 * that declares its options and runs it. Only the module of the command on the command line is loaded, so `--help`
 * and `--version` load no option schema and no command code.
 */
import type { CommandEntry } from '../command.js';

export const commands: readonly CommandEntry[] = [
  {
    command: 'build',
    describe: 'compile the TypeScript dashboard definitions into DashboardBody JSON files, validated like PutDashboard',
    load: async () => (await import('./build.js')).buildCommand,
  },
  {
    command: 'validate <files..>',
    describe: 'validate dashboard bodies (JSON, as built or from get-dashboard) and definitions (TypeScript); exit 1 on errors',
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    command: 'import <body>',
    describe: 'turn a dashboard body (console source view, or `aws cloudwatch get-dashboard` output) into a TypeScript definition',
    load: async () => (await import('./import.js')).importCommand,
  },
  {
    command: 'preview',
    describe: 'draw each dashboard as a static HTML page (grid, titles, metrics, Markdown, variables), without AWS access',
    load: async () => (await import('./preview.js')).previewCommand,
  },
  {
    command: 'pricing <action>',
    describe: 'show the CloudWatch prices in use and where they come from, or refresh them from the AWS Price List API',
    load: async () => (await import('./pricing.js')).pricingCommand,
  },
  {
    command: 'publish',
    describe: 'validate every dashboard, compare with CloudWatch, and PutDashboard only the ones that changed',
    load: async () => (await import('./publish.js')).publishCommand,
  },
  {
    command: 'diff',
    describe: 'compare the definitions with the dashboards in CloudWatch; exit 1 when publish would change something',
    load: async () => (await import('./diff.js')).diffCommand,
  },
  {
    command: 'pull [names..]',
    describe: 'read dashboards from CloudWatch and write them as TypeScript definitions',
    load: async () => (await import('./pull.js')).pullCommand,
  },
  {
    command: 'metrics [stdin]',
    describe: 'predict the CloudWatch custom metrics a collector config creates (awsemf), or count those in EMF logs',
    load: async () => (await import('./metrics.js')).metricsCommand,
  },
  {
    command: 'cost-report',
    describe: 'cost, usage and findings of the custom metrics; with no arguments, on the bundled examples',
    load: async () => (await import('./cost-report.js')).costReportCommand,
  },
  {
    command: 'audit',
    describe: 'the cost report for CI: fail on findings at or above a severity that are new since the baseline',
    load: async () => (await import('./audit.js')).auditCommand,
  },
  {
    command: 'inventory',
    describe: 'custom metrics, dashboards and alarms of each account and region (live, read-only); exit 3 when some targets failed',
    load: async () => (await import('./inventory.js')).inventoryCommand,
  },
  {
    command: 'targets',
    describe: 'list the accounts and regions a --targets file or --organization covers (JSON: a CI matrix)',
    load: async () => (await import('./targets.js')).targetsCommand,
  },
  {
    command: 'report <action> <inputs..>',
    describe: 'merge cost reports (JSON) of several accounts and regions into one, in any format; judge the organisation total',
    load: async () => (await import('./report.js')).reportCommand,
  },
  {
    command: 'usage',
    describe: 'what the given dashboards, alarms, Grafana dashboards, CloudTrail logs, allow-list and account read (no pricing)',
    load: async () => (await import('./usage.js')).usageCommand,
  },
];

/** The entry the command line selects: the first argument that names a command (flags and their values come first). */
export function selectedCommand(argv: readonly string[]): CommandEntry | undefined {
  for (const arg of argv) {
    const entry = commands.find((candidate) => candidate.command.split(' ')[0] === arg);
    if (entry) return entry;
  }
  return undefined;
}
