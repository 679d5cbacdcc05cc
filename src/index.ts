/**
 * The public API a dashboard definition or `cwdash.config.ts` imports: `import { ... } from 'cwdash'`.
 * Only exports; each concept lives in its own module.
 */
export { defineConfig, type ProjectConfig, type CollectorInput } from './config/project-config.js';
export type { MetricIdentity } from './model/metric-identity.js';
