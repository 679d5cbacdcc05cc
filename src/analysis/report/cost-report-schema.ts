/**
 * The cost report's JSON contract as a zod schema: strict objects, so a renamed or misspelt field fails the tests
 * instead of shipping (mimirtool's frozen `namspace`). `schema/cost-report.schema.json` is generated from it and kept
 * equal by a test; the type assertion below keeps it equal to the `CostReport` interface the code builds.
 */
import { z } from 'zod';
import { COST_REPORT_SCHEMA_VERSION, type CostReport } from './cost-report.js';

const usd = z.number().describe('US dollars per month, exact (round only for display)');
const severity = z.enum(['error', 'warning', 'note']);
const metric = z.strictObject({ namespace: z.string(), metricName: z.string(), dimensions: z.record(z.string(), z.string()) });
const bucket = z.strictObject({ name: z.string(), metrics: z.number().int(), monthlyUSD: usd, unreadMetrics: z.number().int() });
const cost = z.strictObject({ metrics: z.number().int(), monthlyUSD: usd });
const otlpCost = z
  .strictObject({
    series: z.number().int(),
    dataPointsPerMonth: z.number().int(),
    bytesPerMonth: z.number().int(),
    gbPerMonth: z.number().describe('GB = 10^9 bytes'),
    monthlyUSD: usd.nullable().describe('OTLP ingestion per month; null when the price is unknown'),
    price: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('known'), usagetype: z.string(), usdPerGB: z.string(), source: z.string(), date: z.string() }),
      z.strictObject({ status: z.literal('unknown'), reason: z.string(), fix: z.string() }),
    ]),
  })
  .describe('CloudWatch OpenTelemetry (OTLP) ingestion, billed per GB');

export const costReportSchema = z
  .strictObject({
    schemaVersion: z.literal(COST_REPORT_SCHEMA_VERSION),
    region: z.string(),
    prices: z.strictObject({ source: z.string(), date: z.string(), file: z.string(), freeTier: z.boolean() }),
    assumptions: z.array(z.string()),
    totals: z.strictObject({
      customMetrics: z.number().int(),
      monthlyUSD: usd,
      customMetricsMonthlyUSD: usd,
      dashboards: z.number().int(),
      dashboardsMonthlyUSD: usd,
      emfLogsMonthlyUSD: usd,
      otlp: otlpCost.optional(),
      unusedMetrics: z.number().int(),
      unusedMonthlyUSD: usd,
      fixSavingUSD: usd,
    }),
    usage: z.strictObject({ dashboards: z.number().int(), alarms: z.number().int(), reads: z.number().int(), allowListEntries: z.number().int() }),
    collectors: z.array(
      z.strictObject({
        config: z.string(),
        scrape: z.string().optional(),
        metrics: z.number().int(),
        monthlyUSD: usd,
        emfLogsGBPerMonth: z.number(),
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
      }),
    ),
    costByNamespace: z.array(bucket),
    costByMetric: z.array(bucket),
    costByLabel: z.array(bucket),
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
      }),
    ),
    rules: z.array(z.strictObject({ id: z.string(), severity, description: z.string(), enabled: z.boolean() })),
    problems: z.array(z.strictObject({ where: z.string(), message: z.string() })),
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
