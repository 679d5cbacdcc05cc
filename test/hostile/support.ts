/** Small collector configs and files for the hostile-input tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One prometheus receiver (job `app`, one target) into awsemf with NoDimensionRollup; `scrapeSettings` are more
 * lines of the scrape config (indented 10), `exporterSettings` more lines of awsemf (indented 4).
 */
export function collectorConfig(scrapeSettings = '', exporterSettings = ''): string {
  return [
    'receivers:',
    '  prometheus:',
    '    config:',
    '      scrape_configs:',
    '        - job_name: app',
    '          static_configs: [{targets: ["localhost:3000"]}]',
    scrapeSettings,
    'exporters:',
    '  awsemf:',
    '    dimension_rollup_option: NoDimensionRollup',
    exporterSettings,
    'service:',
    '  pipelines:',
    '    metrics: {receivers: [prometheus], exporters: [awsemf]}',
    '',
  ].join('\n');
}

/** A fresh temporary folder and a function writing a file into it, returning its path. */
export function scratch(prefix: string): { dir: string; write: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), `cwdash-${prefix}-`));
  return {
    dir,
    write: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}
