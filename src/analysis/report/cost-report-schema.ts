/**
 * The cost report's JSON contract as a zod schema: strict objects, so a renamed or misspelt field fails the tests
 * instead of shipping (mimirtool's frozen `namspace`). `schema/cost-report.schema.json` is generated from it and kept
 * equal by a test; the type assertion below keeps it equal to the `CostReport` interface the code builds.
 */
import { z } from 'zod';
import { COST_REPORT_SCHEMA_VERSION, type CostReport } from './cost-report.js';

const usd = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .nullable()
  .describe('US dollars per month as a decimal string rounded once, half-up, to the cent ("43.20"); null when a price is unknown (never 0)');
const cents = usd.unwrap();
const severity = z.enum(['error', 'warning', 'note']);
const metric = z.strictObject({ namespace: z.string(), metricName: z.string(), dimensions: z.record(z.string(), z.string()) });
const bucket = z.strictObject({ name: z.string(), metrics: z.number().int(), monthlyUSD: usd, unreadMetrics: z.number().int() });
const cost = z.strictObject({ metrics: z.number().int(), monthlyUSD: usd });
const target = z.string().describe('the account and region, as name/region of the targets file');
const priceUsed = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('known'), usagetype: z.string(), usdPerUnit: z.string(), source: z.string(), date: z.string() }),
  z.strictObject({ status: z.literal('unknown'), reason: z.string(), fix: z.string() }),
]);
const unknownableUsd = usd.nullable().describe('per month; null when the price is unknown');
const otlpCost = z
  .strictObject({
    series: z.number().int(),
    dataPointsPerMonth: z.number().int(),
    bytesPerMonth: z.number().int(),
    gbPerMonth: z.number().describe('GB = 10^9 bytes'),
    monthlyUSD: unknownableUsd,
    unreadSeries: z.number().int().optional().describe('series no PromQL read (chart widget, PromQL alarm, Grafana) finds; only for OTLP the collector sends'),
    unreadBytesPerMonth: z.number().int().optional().describe('billed bytes per month of those series'),
    price: priceUsed,
  })
  .describe('CloudWatch OpenTelemetry (OTLP) ingestion, billed per GB');
const containerInsightsCost = z
  .strictObject({
    enhancedObservability: z.strictObject({ observationsPerMonth: z.number().int(), monthlyUSD: unknownableUsd, price: priceUsed }),
    otelContainerInsights: z.strictObject({ bytesPerMonth: z.number().int(), gbPerMonth: z.number(), monthlyUSD: unknownableUsd, price: priceUsed }),
  })
  .describe('Container Insights modes B (per observation) and C (per GB over OTLP), lower bounds from the cluster inventory');

export const costReportSchema = z
  .strictObject({
    schemaVersion: z.literal(COST_REPORT_SCHEMA_VERSION),
    regions: z.array(z.string()),
    prices: z.array(z.strictObject({ region: z.string(), source: z.string(), date: z.string(), file: z.string() })),
    freeTier: z.boolean(),
    assumptions: z.array(z.string()),
    totals: z.strictObject({
      customMetrics: z.number().int(),
      monthlyUSD: usd.describe('customMetrics + dashboards + emfLogs exactly; null when any part is unknown (see unpriced)'),
      pricedMonthlyUSD: cents.describe('the sum of the parts whose price is known: the total when complete, else a lower bound'),
      complete: z.boolean(),
      unpriced: z.array(z.strictObject({ charge: z.string(), region: z.string(), quantity: z.number(), unit: z.string(), fix: z.string() })),
      customMetricsMonthlyUSD: usd,
      dashboards: z.number().int(),
      dashboardsMonthlyUSD: usd,
      emfLogsMonthlyUSD: usd,
      otlp: otlpCost.optional(),
      unusedMetrics: z.number().int(),
      unusedMonthlyUSD: usd,
      fixSavingUSD: usd,
    }),
    usage: z.strictObject({
      dashboards: z.number().int(),
      alarms: z.number().int(),
      reads: z.number().int(),
      allowListEntries: z.number().int(),
      sources: z.array(z.strictObject({ label: z.string(), given: z.boolean(), summary: z.string() })).describe('every usage source, given or not'),
    }),
    metrics: z
      .array(
        z.strictObject({
          namespace: z.string(),
          metricName: z.string(),
          dimensions: z.record(z.string(), z.string()),
          collector: z.string(),
          status: z.enum(['read', 'read-by-wildcard', 'allow-listed', 'unread']),
          readers: z.array(
            z.strictObject({
              source: z.string(),
              name: z.string(),
              file: z.string().optional(),
              where: z.string().optional(),
              principal: z.string().optional(),
              lastSeen: z.string().optional(),
              notes: z.array(z.string()).optional(),
            }),
          ),
          target: target.optional(),
        }),
      )
      .describe('who reads each metric'),
    collectors: z.array(
      z.strictObject({
        config: z.string(),
        region: z.string(),
        regionRule: z.string(),
        scrape: z.string().optional(),
        metrics: z.number().int(),
        monthlyUSD: usd,
        emfLogsGBPerMonth: z.number().describe('EMF bytes ingested per month in GB of 2^30 bytes, the unit CloudWatch Logs bills'),
        emfLogsMonthlyUSD: usd,
        unreadMetrics: z.number().int(),
        fix: z
          .strictObject({
            file: z.string().optional(),
            exporter: z.string(),
            before: cost,
            after: cost,
            lostReads: z.array(metric),
            notes: z.array(z.string()),
          })
          .optional(),
        otlp: otlpCost.optional(),
        otlpEquivalent: otlpCost.optional(),
        containerInsights: containerInsightsCost.optional(),
        target: target.optional(),
      }),
    ),
    costByNamespace: z.array(bucket),
    costByMetric: z.array(bucket),
    costByLabel: z.array(bucket),
    costByOwner: z.array(bucket).optional().describe("per team of the project config's owners rules ((no owner) for the rest)"),
    costByTarget: z
      .array(bucket.extend({ accountId: z.string().optional(), region: z.string(), unreadMonthlyUSD: usd }))
      .optional()
      .describe('per account and region, in organisation-wide reports'),
    targets: z
      .array(
        z.strictObject({
          key: target,
          name: z.string(),
          accountId: z.string().optional(),
          region: z.string(),
          status: z.enum(['ok', 'failed']),
          failure: z.strictObject({ message: z.string(), fix: z.string().optional(), missingAction: z.string().optional() }).optional(),
        }),
      )
      .optional()
      .describe('every account and region an organisation-wide report covers; the totals are incomplete when one failed'),
    findings: z.array(
      z.strictObject({
        rule: z.string(),
        severity,
        message: z.string(),
        metrics: z.array(metric),
        monthlyUSD: usd,
        savingUSD: usd,
        fix: z.string(),
        location: z
          .strictObject({ file: z.string(), line: z.number().int().optional(), column: z.number().int().optional(), path: z.string().optional() })
          .optional(),
        fingerprint: z.string(),
        target: target.optional(),
      }),
    ),
    rules: z.array(z.strictObject({ id: z.string(), severity, description: z.string(), enabled: z.boolean() })),
    problems: z.array(z.strictObject({ where: z.string(), message: z.string() })),
    migrationPlan: z
      .strictObject({
        phases: z.array(z.string()),
        items: z.array(
          z.strictObject({
            metric: z.string(),
            consumer: z.strictObject({ kind: z.string(), name: z.string(), path: z.string().optional(), file: z.string().optional() }),
            classic: z.string(),
            promql: z.string().nullable().describe('the PromQL reading the same data; null when the mapping is not mechanical'),
            mechanical: z.boolean(),
            note: z.string().optional(),
            promqlAlarm: z.strictObject({ query: z.string(), evaluationInterval: z.number().int().nullable(), pendingPeriod: z.number().int() }).optional(),
          }),
        ),
        manualConsumers: z.number().int(),
      })
      .optional()
      .describe('cost-report --migration-plan: Classic consumers needing a PromQL rewrite'),
  })
  .describe('cwdash cost report (cwdash cost-report --format json)');

/** The JSON Schema published as `schema/cost-report.schema.json`. */
export function costReportJsonSchema(): unknown {
  return z.toJSONSchema(costReportSchema, { target: 'draft-2020-12' });
}

// Compile-time: the schema describes exactly the interface the builder returns (both directions).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Parsed = z.infer<typeof costReportSchema>;
const schemaMatchesInterface: Same<Omit<Parsed, 'schemaVersion'>, Omit<Mutable<CostReport>, 'schemaVersion'>> = true;
void schemaMatchesInterface;

type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
