/**
 * Collector-version profiles (docs/sources.md#awsemf): an ADOT collector version pins an opentelemetry-collector-contrib
 * version, and every behaviour difference of the prometheus receiver and awsemf exporter is keyed on that.
 */
import { UsageError } from '../../shared/errors.js';

/** ADOT minor → contrib version, from each ADOT tag's go.mod (docs/sources.md#awsemf). */
const ADOT_TO_CONTRIB: Readonly<Record<string, string>> = {
  '0.16': '0.43.0', '0.17': '0.45.1', '0.18': '0.51.0', '0.19': '0.54.0', '0.20': '0.56.0', '0.21': '0.58.0',
  '0.22': '0.61.0', '0.23': '0.62.0', '0.24': '0.66.0', '0.25': '0.68.0', '0.26': '0.70.0', '0.27': '0.72.0',
  '0.28': '0.74.0', '0.29': '0.76.3', '0.30': '0.78.0', '0.31': '0.80.0', '0.32': '0.82.0', '0.33': '0.84.0',
  '0.34': '0.86.0', '0.35': '0.88.0', '0.36': '0.90.1', '0.37': '0.92.0', '0.38': '0.94.0', '0.39': '0.98.0',
  '0.40': '0.102.0', '0.41': '0.109.0', '0.42': '0.115.0', '0.43': '0.117.0', '0.44': '0.130.0', '0.45': '0.131.0',
  '0.46': '0.141.0', '0.47': '0.143.0', '0.48': '0.151.0', '0.49': '0.156.0',
  // ADOT 0.50.0 (2026-08-25) only bumps contrib to 0.158.0: the awsemf and prometheus receiver rules of 0.156 carry over.
  '0.50': '0.158.0',
};

export const DEFAULT_COLLECTOR_VERSION = '0.50.0';
export const SUPPORTED_COLLECTOR_VERSIONS = Object.keys(ADOT_TO_CONTRIB).map((minor) => `${minor}.0`);

export const PROMETHEUS_SCOPE_MID = 'otelcol/prometheusreceiver';
export const PROMETHEUS_SCOPE_NEW = 'github.com/open-telemetry/opentelemetry-collector-contrib/receiver/prometheusreceiver';

export type ResourceAttributeStyle = 'legacy' | 'net' | 'net+server' | 'server';

export interface CollectorProfile {
  readonly collectorVersion: string;
  readonly contribVersion: string;
  /** `OLD` (contrib ≤ 0.46, the 2022 sidecar), `NEW` (≥ 0.129), or `contrib-<version>` in between. */
  readonly label: string;
  /** Which resource attributes the prometheus receiver sets per target (docs/sources.md#awsemf). */
  readonly resourceAttributes: ResourceAttributeStyle;
  /** Instrumentation scope name of prometheus-receiver metrics, `''` when none (→ no OTelLib dimension). */
  readonly prometheusScope: string;
  /** Unit of `scrape_duration_seconds` as awsemf writes it. */
  readonly scrapeDurationUnit: string;
  /** NEW groups by OTLP metric type too (v0.67+, `grouped_metric.go`). */
  readonly groupByMetricType: boolean;
  /** Metric definition form: `old` `{"Name"[,"Unit"]}`; `new` `{"Name","Unit","StorageResolution"}` (≈v0.113+). */
  readonly definitionForm: 'old' | 'new';
  /** Top-level `"Version":"1"` (v0.76.1+). */
  readonly versionField: boolean;
  readonly supportsDetailedMetrics: boolean;
  readonly supportsMetricDescriptors: boolean;
  readonly supportsVersionOption: boolean;
  /** An empty declared dimension set `[]` is honoured (≈v0.60+, #13766); OLD skips it. */
  readonly honoursEmptyDeclaredSet: boolean;
  /** OLD panics on an invalid label-matcher regex; NEW drops the declaration. */
  readonly invalidMatcherIsFatal: boolean;
  /** NaN/±Inf points are dropped (v0.86 / v0.92) instead of breaking the whole event. */
  readonly dropsNaN: boolean;
  readonly dropsInf: boolean;
  /** OLD: an OpenMetrics `_created` sample becomes its own counter metric. */
  readonly createdIsSeparateMetric: boolean;
  /** v0.55+: a `target_info` series is not a metric; its labels join the target's resource (`prom_to_otlp.go`). */
  readonly targetInfoToResource: boolean;
}

/** Accepts `0.17.0`, `v0.17.1`, `0.50`; an unknown version is a usage error listing the known ones. */
export function collectorProfile(version: string = DEFAULT_COLLECTOR_VERSION): CollectorProfile {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version.trim());
  const minor = match ? `${Number(match[1])}.${Number(match[2])}` : undefined;
  const contribVersion = minor === undefined ? undefined : ADOT_TO_CONTRIB[minor];
  if (contribVersion === undefined) {
    throw new UsageError(`unknown ADOT collector version "${version}"`, {
      fix: `pass --collector-version with one of ${SUPPORTED_COLLECTOR_VERSIONS[0]} … ${DEFAULT_COLLECTOR_VERSION} (the ADOT releases cwdash models)`,
    });
  }
  const contrib = Number(contribVersion.split('.')[1]);
  return {
    collectorVersion: match![3] === undefined ? `${minor}.0` : `${minor}.${Number(match![3])}`,
    contribVersion,
    label: contrib <= 46 ? 'OLD' : contrib >= 129 ? 'NEW' : `contrib-${contribVersion}`,
    resourceAttributes: contrib <= 46 ? 'legacy' : contrib <= 100 ? 'net' : contrib <= 127 ? 'net+server' : 'server',
    prometheusScope: contrib <= 75 ? '' : contrib <= 108 ? PROMETHEUS_SCOPE_MID : PROMETHEUS_SCOPE_NEW,
    scrapeDurationUnit: contrib <= 83 ? 'seconds' : 'Seconds',
    groupByMetricType: contrib >= 67,
    definitionForm: contrib >= 113 ? 'new' : 'old',
    versionField: contrib >= 77,
    supportsDetailedMetrics: contrib >= 73,
    supportsMetricDescriptors: contrib >= 67,
    supportsVersionOption: contrib >= 77,
    honoursEmptyDeclaredSet: contrib >= 60,
    invalidMatcherIsFatal: contrib <= 46,
    dropsNaN: contrib >= 86,
    dropsInf: contrib >= 92,
    createdIsSeparateMetric: contrib <= 46,
    targetInfoToResource: contrib >= 55,
  };
}
