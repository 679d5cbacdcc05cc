/** The bundled task-service example as the cost-report and audit CLI tests use it (ADOT 0.49 unless a test says). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const CONFIG = join(ROOT, 'examples/task-service/otel-config.yaml');
export const SCRAPE = join(ROOT, 'examples/task-service/metrics.txt');
export const NS = 'prod/task-service';
/** The OTelLib dimension value of prometheus-receiver metrics in ADOT ≥ 0.41 (docs/sources.md#awsemf). */
export const OTEL_LIB = 'github.com/open-telemetry/opentelemetry-collector-contrib/receiver/prometheusreceiver';
/** An empty price cache: the tests price from the bundled snapshot, whatever the machine has cached. */
export const ENV = { CWDASH_CACHE_DIR: mkdtempSync(join(tmpdir(), 'cwdash-cache-')) };
