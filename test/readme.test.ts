/**
 * Every TypeScript block in the README is built here, so the README cannot drift from the API: dashboard definitions
 * load and validate without errors (and pass the strict type check), the project config block loads.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadProjectConfig } from '../src/config/project-config.js';
import { loadDashboardDefinition } from '../src/sources/definitions/load.js';
import { typecheckDefinitions } from '../src/sources/definitions/typecheck.js';
import { REPO_ROOT, tempProject } from './sources/definitions/temp-project.js';

interface Block {
  readonly line: number;
  readonly code: string;
}

function typescriptBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (lines[index]!.trim() !== '```ts') continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== '```') end++;
    blocks.push({ line: start + 1, code: `${lines.slice(start, end).join('\n')}\n` });
    index = end;
  }
  return blocks;
}

const blocks = typescriptBlocks(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));
const isConfig = (block: Block) => block.code.includes('defineConfig(');

describe('the README\'s TypeScript blocks', () => {
  test('there are blocks to check (definitions and the project config)', () => {
    expect(blocks.filter(isConfig)).toHaveLength(2);
    expect(blocks.filter((block) => !isConfig(block)).length).toBeGreaterThanOrEqual(4);
  });

  test.each(blocks.filter((block) => !isConfig(block)).map((block) => [block.line, block] as const))('README.md:%i builds without errors', async (line, block) => {
    const dir = await tempProject({ [`dashboards/readme-${line}.ts`]: block.code });
    const dashboards = await loadDashboardDefinition(join(dir, `dashboards/readme-${line}.ts`));
    expect(dashboards.length).toBeGreaterThan(0);
    for (const dashboard of dashboards) expect(dashboard.messages.filter((message) => message.severity === 'error'), dashboard.name).toEqual([]);
  });

  test('the project config blocks load', async () => {
    const [general, owners] = blocks.filter(isConfig);
    const dir = await tempProject();
    await writeFile(join(dir, 'cwdash.config.ts'), general!.code);
    expect((await loadProjectConfig(dir)).config.region).toBe('ap-northeast-1');
    await writeFile(join(dir, 'cwdash.config.ts'), owners!.code);
    expect((await loadProjectConfig(dir)).config.owners?.map((rule) => rule.team)).toEqual(['checkout', 'platform', 'payments']);
  });

  test('every block passes the strict type check', async () => {
    const dir = await tempProject(Object.fromEntries(blocks.map((block) => [`readme-${block.line}.ts`, block.code])));
    const diagnostics = await typecheckDefinitions(blocks.map((block) => join(dir, `readme-${block.line}.ts`)), dir);
    expect(diagnostics).toEqual([]);
  }, 60_000);
});
