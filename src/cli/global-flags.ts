/**
 * The help of the flags every command takes, in a module without dependencies: the top-level `--help` declares them
 * before any command (or zod) loads. Their schemas are in options.ts (`globalFlags`).
 */
export const GLOBAL_FLAG_HELP = {
  projectConfig: 'project settings file (default: ./cwdash.config.ts when present)',
  debug: 'print stack traces for unexpected errors',
} as const;
