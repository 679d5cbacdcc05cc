/**
 * A throw-away project like a user's: ESM `package.json`, `cwdash` installed (a symlink to this checkout), so
 * definitions import from 'cwdash' exactly as the README shows.
 */
import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export async function tempProject(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cwdash-defs-'));
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  await mkdir(join(dir, 'node_modules'));
  await symlink(REPO_ROOT, join(dir, 'node_modules', 'cwdash'), 'dir');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** A definition file with one dashboard of one graph per name. */
export function graphDefinition(names: readonly string[], options: { period?: number; region?: string } = {}): string {
  const dashboards = names.map(
    (name) =>
      `  new Dashboard({ dashboardName: ${JSON.stringify(name)}, widgets: [new GraphWidget({ region: ${JSON.stringify(options.region ?? 'eu-west-1')}, ` +
      `metrics: [cpu]${options.period === undefined ? '' : `, period: Duration.seconds(${options.period})`} })] }),`,
  );
  return [
    "import { Dashboard, Duration, GraphWidget, Metric } from 'cwdash';",
    '',
    "const cpu = new Metric({ namespace: 'AWS/EC2', metricName: 'CPUUtilization' });",
    '',
    `export default [\n${dashboards.join('\n')}\n];`,
    '',
  ].join('\n');
}
