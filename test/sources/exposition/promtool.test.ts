/**
 * Generated pages checked against Prometheus' own tooling: `promtool check metrics` (client_golang's parser) must
 * agree with ours on every valid page, and on the line of a mutation both parsers reject. Only the corners where the
 * two Prometheus parsers agree are generated (docs/sources.md#exposition lists where they differ).
 */
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { InputError } from '../../../src/shared/errors.js';
import { parseScrape } from '../../../src/sources/exposition/scrape.js';
import { PROMTOOL, describeWithTool } from '../../support/external-tools.js';
import { random } from '../../support/random.js';


const VALUES = ['0', '1', '-2.5', '1e-07', '3.14E+10', 'NaN', '+Inf', '-Inf', '.5', '42'];
const LABEL_VALUES = ['GET', '/tasks/:id', 'a b', 'quote\\"d', 'back\\\\slash', 'new\\nline', 'ünïcode', '200'];

function page(seed: number): { text: string; series: number } {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const lines: string[] = [];
  let series = 0;
  const families = 3 + Math.floor(next() * 6);
  for (let f = 0; f < families; f++) {
    const type = pick(['counter', 'gauge', 'histogram', 'summary', 'untyped'] as const);
    const name = `fam_${seed}_${f}${type === 'counter' ? '_total' : ''}`;
    lines.push(`# HELP ${name} Family ${f} of page ${seed}.`, `# TYPE ${name} ${type}`);
    const labelSets = 1 + Math.floor(next() * 4);
    for (let s = 0; s < labelSets; s++) {
      const labels = [`method="${pick(LABEL_VALUES)}"`, `shard="${s}"`].slice(0, 1 + Math.floor(next() * 2));
      if (!labels.some((label) => label.startsWith('shard'))) labels.push(`shard="${s}"`);
      const set = labels.join(',');
      if (type === 'histogram') {
        for (const le of ['0.1', '1', '+Inf']) lines.push(`${name}_bucket{${set},le="${le}"} ${s + 1}`);
        lines.push(`${name}_sum{${set}} ${pick(VALUES)}`, `${name}_count{${set}} ${s + 1}`);
        series += 5;
      } else if (type === 'summary') {
        for (const q of ['0.5', '0.99']) lines.push(`${name}{${set},quantile="${q}"} ${pick(VALUES)}`);
        lines.push(`${name}_sum{${set}} 1`, `${name}_count{${set}} 2`);
        series += 4;
      } else {
        lines.push(`${name}{${set}} ${pick(VALUES)}`);
        series++;
      }
    }
  }
  return { text: `${lines.join('\n')}\n`, series };
}

function promtoolCheck(text: string): { exitCode: number | null; errorLine?: number } {
  const result = spawnSync(PROMTOOL.path!, ['check', 'metrics'], { input: text, encoding: 'utf8' });
  const line = /parsing error in line (\d+)/.exec(`${result.stdout}${result.stderr}`);
  return { exitCode: result.status, ...(line ? { errorLine: Number(line[1]) } : {}) };
}

async function ours(text: string): Promise<{ series?: number; errorLine?: number }> {
  try {
    return { series: (await parseScrape([text], 'text', 'page.prom')).seriesCount };
  } catch (error) {
    if (error instanceof InputError) return { errorLine: error.location?.line ?? -1 };
    throw error;
  }
}

/** Mutations of one sample line that both parsers reject at that line. */
const MUTATIONS: readonly [string, (line: string) => string][] = [
  ['value removed', (line) => line.replace(/ \S+$/, '')],
  ['value not a float', (line) => line.replace(/ \S+$/, ' 1.2.3')],
  ['label name with a dash', (line) => (line.includes('{') ? line.replace('{', '{bad-name="x",') : line.replace(/ /, '{bad-name="x"} '))],
  ['label value without quotes', (line) => (line.includes('{') ? line.replace(/="([^"\\]*)"/, '=$1x') : line.replace(/ /, '{a=b} '))],
];

describeWithTool(PROMTOOL, 'agreement with promtool check metrics on generated pages', () => {
  for (let seed = 1; seed <= 25; seed++) {
    it(`page ${seed}: accepted by both, same series`, async () => {
      const { text, series } = page(seed);
      expect(promtoolCheck(text).exitCode).not.toBe(1);
      expect((await ours(text)).series).toBe(series);
    });
  }

  for (const [index, [what, mutate]] of MUTATIONS.entries()) {
    for (const seed of [101 + index * 10, 102 + index * 10, 103 + index * 10]) {
      it(`page ${seed} with ${what}: rejected by both at the same line`, async () => {
        const lines = page(seed).text.split('\n');
        const samples = lines.map((line, at) => (line.startsWith('#') || line === '' ? -1 : at)).filter((at) => at >= 0);
        const at = samples[Math.floor(random(seed)() * samples.length)]!;
        lines[at] = mutate(lines[at]!);
        const text = lines.join('\n');
        const check = promtoolCheck(text);
        expect(check.exitCode).toBe(1);
        expect((await ours(text)).errorLine).toBe(check.errorLine);
        expect(check.errorLine).toBe(at + 1);
      });
    }
  }
});
