/** A throw-away project directory with dashboard definitions, for the publish / diff / pull CLI tests. */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const API = resolve(import.meta.dirname, '../../src/index.ts');

/** A definition file with one text-widget dashboard per [name, markdown] pair. */
export function textDashboards(...dashboards: readonly (readonly [name: string, markdown: string])[]): string {
  const list = dashboards.map(
    ([name, markdown]) => `  new Dashboard({ dashboardName: ${JSON.stringify(name)}, widgets: [new TextWidget({ markdown: ${JSON.stringify(markdown)} })] }),`,
  );
  return `import { Dashboard, TextWidget } from ${JSON.stringify(API)};\n\nexport default [\n${list.join('\n')}\n];\n`;
}

/** Creates a project with `dashboards/<file>` for each entry and returns its directory. */
export async function dashboardProject(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cwdash-project-'));
  await mkdir(join(dir, 'dashboards'));
  // Like a real project: ESM, so the definitions' `export default` is the module's default.
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, 'dashboards', name), text);
  return dir;
}
