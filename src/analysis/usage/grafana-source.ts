/**
 * `--grafana DIR|FILE` (repeatable): every `*.json` below each path is a Grafana dashboard. A file that is not JSON,
 * or not a dashboard, is a problem with its line or JSON pointer; the other files still count.
 */
import { filesUnder } from '../../shared/file-tree.js';
import { readTextFile } from '../../shared/files.js';
import { parseJsonText } from '../../shared/json-document.js';
import { grafanaReads, type GrafanaReadOptions } from './grafana-reads.js';
import type { MetricRead, UsageProblem } from './metric-read.js';
import { notGiven, plural, type UsageSourceResult } from './usage-source.js';

export const GRAFANA_LABEL = 'Grafana dashboards';

export interface GrafanaSourceOptions extends GrafanaReadOptions {
  /** Shows a path as reports print it (relative to the working directory). */
  readonly show: (path: string) => string;
}

export async function loadGrafanaSource(paths: readonly string[], options: GrafanaSourceOptions): Promise<UsageSourceResult> {
  if (paths.length === 0) return notGiven(GRAFANA_LABEL, '--grafana DIR|FILE');
  const reads: MetricRead[] = [];
  const problems: UsageProblem[] = [];
  let files = 0;
  for (const path of paths) {
    for (const file of await filesUnder(path, 'Grafana dashboard file or directory', (name) => name.toLowerCase().endsWith('.json'))) {
      files++;
      const shown = options.show(file);
      const source = { kind: 'grafana' as const, name: shown, file: shown };
      let text: string;
      try {
        text = await readTextFile(file, 'Grafana dashboard');
      } catch (error) {
        problems.push({ source, message: (error as Error).message });
        continue;
      }
      const parsed = parseJsonText(text);
      if (!parsed.ok) {
        problems.push({ source, line: parsed.line, message: `not valid JSON: ${parsed.message}` });
        continue;
      }
      const result = grafanaReads(parsed.value, shown, options);
      reads.push(...result.reads);
      problems.push(...result.problems);
    }
  }
  const targets = new Set(reads.map((read) => `${read.source.file}#${read.source.path}`)).size;
  return { reads, problems, consulted: { label: GRAFANA_LABEL, given: true, summary: `${plural(files, 'file')}, ${plural(targets, 'CloudWatch target')}` } };
}
