/**
 * The public API a dashboard definition or `cwdash.config.ts` imports: `import { ... } from 'cwdash'`.
 * Only exports, and only what definitions use, so loading a definition stays light. The rest of the pipeline
 * (prediction, prices, reports) is the programmatic API in `cwdash/api` (`src/api.ts`).
 */
export { defineConfig, type ProjectConfig, type CollectorInput } from './config/project-config.js';
export type { MetricIdentity } from './model/metric-identity.js';
export * from './model/dashboard/index.js';
export type { DashboardBody, WidgetJson, MetricRow, MetricRowOptions, ExpressionRowOptions } from './model/body/schema.js';
export { validateDashboardBody, validateDashboardName } from './model/body/validate.js';
export type { ValidationMessage } from './model/body/messages.js';
export * from './blueprints/index.js';
