/**
 * Issue 14 points 2 and 3: user regexes run as the collector runs them (Go's RE2 dialect, linear time, Go's error
 * text, checked against promtool 2.42), and relabelling follows Prometheus 2.42 (Go template expansion, labelmap
 * after earlier rules, `$$`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandTemplate, GoRegexp, isGoRegexp } from '../../src/shared/go-regexp.js';
import { applyRelabel, compileRelabelRules } from '../../src/analysis/awsemf/relabel.js';
import type { RelabelRule } from '../../src/sources/collector-config/model.js';
import { describeWithTool, PROMTOOL } from '../support/external-tools.js';
import { runCli } from '../support/run-cli.js';
import { collectorConfig } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'cwdash-regex-'));

const compile = (pattern: string, anchored = false) => {
  const regex = GoRegexp.compile(pattern, anchored);
  if (!isGoRegexp(regex)) throw new Error(regex.error);
  return regex;
};

/** What `promtool check config` says of a metric_relabel_configs regex: undefined when it accepts it. */
function promtoolVerdict(regex: string): string | undefined {
  const file = join(dir, 'prometheus.yml');
  writeFileSync(
    file,
    `scrape_configs:\n  - job_name: x\n    static_configs: [{targets: ['localhost:1']}]\n    metric_relabel_configs:\n      - source_labels: [__name__]\n        regex: ${JSON.stringify(regex)}\n        action: keep\n`,
  );
  const result = spawnSync(PROMTOOL.path!, ['check', 'config', file], { encoding: 'utf8' });
  if (result.status === 0) return undefined;
  return /parsing YAML file [^:]+: (.*)/.exec(result.stdout + result.stderr)?.[1] ?? 'unparsed promtool output';
}

/** The collector config with these `metric_relabel_configs` lines (and awsemf settings). */
const withRules = (rules: string, exporterSettings = '') => collectorConfig(`          metric_relabel_configs:\n${rules}`, exporterSettings);

const ACCEPTED: [string, string, boolean][] = [
  ['(?i)get', 'GET', true],
  ['(?i:ab)c', 'ABc', true],
  ['(?i:ab)c', 'ABC', false],
  ['\\p{L}+', 'Größe', true],
  ['[[:alpha:]]+', 'abc', true],
  ['[[:alpha:]]+', 'ab1', false],
  ['\\x{61}b', 'ab', true],
  ['\\Qa.b\\E', 'a.b', true],
  ['\\Qa.b\\E', 'axb', false],
  ['(?P<word>x)y', 'xy', true],
];
const REFUSED = ['foo(?=bar).*', '(?!a)b', '(a)\\1', 'a{1001}', 'a\\Z', '(?<!a)b', '(?<=x)y'];
/**
 * promtool 2.42 was built with a Go older than 1.22, whose parser did not know `(?<name>...)` and so words a
 * lookbehind "invalid or unsupported Perl syntax: `(?<`"; the collectors cwdash models are built with a newer Go,
 * which says "invalid named capture", as re2js does. Every other message is the same word for word.
 */
const NEWER_GO_WORDING = new Set(['(?<!a)b', '(?<=x)y']);

describe('RE2 dialect', () => {
  it.each(ACCEPTED)('%s on %s (anchored) → %s', (pattern, text, expected) => {
    expect(compile(pattern, true).test(text)).toBe(expected);
  });

  it.each(REFUSED)('refuses %s with Go\'s message', (pattern) => {
    const regex = GoRegexp.compile(pattern, true);
    expect(isGoRegexp(regex)).toBe(false);
    expect((regex as { error: string }).error).toMatch(/^error parsing regexp: /);
  });

  it('(a+)+b against 40 characters is instant (linear time, no backtracking)', () => {
    const started = Date.now();
    expect(compile('(a+)+b').test('a'.repeat(40))).toBe(false);
    expect(compile('(a+)+b', true).test(`${'a'.repeat(100_000)}c`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('awsemf selectors are unanchored, relabel regexes anchored', () => {
    expect(compile('http_request').test('http_requests_total')).toBe(true);
    expect(compile('http_request', true).test('http_requests_total')).toBe(false);
  });
});

describeWithTool(PROMTOOL, 'RE2 dialect against promtool', () => {
  it('agrees with promtool 2.42 on every pattern, word for word', () => {
    for (const [pattern] of ACCEPTED) expect(promtoolVerdict(pattern), pattern).toBeUndefined();
    for (const pattern of REFUSED) {
      const regex = GoRegexp.compile(pattern, true) as { error: string };
      if (NEWER_GO_WORDING.has(pattern)) {
        expect(promtoolVerdict(pattern)).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?<`');
        expect(regex.error).toBe(`error parsing regexp: invalid named capture: \`${pattern})$\``);
      } else {
        expect(regex.error, pattern).toBe(promtoolVerdict(pattern));
      }
    }
  });

});

describe('errors at file:line in the collector\'s words', () => {
  it('a relabel regex Prometheus refuses', async () => {
    const file = join(dir, 'relabel.yaml');
    writeFileSync(file, withRules('            - source_labels: [__name__]\n              regex: "foo(?=bar).*"\n              action: keep'));
    const result = await runCli(['metrics', '--config', file]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('relabel.yaml:9:15: receivers.prometheus.config.scrape_configs[0].metric_relabel_configs[0].regex: ');
    expect(result.stderr).toContain('invalid relabel regex "foo(?=bar).*": error parsing regexp: invalid or unsupported Perl syntax: `(?=` (the collector does not start)');
  });

  it('a metric_name_selectors regex', async () => {
    const file = join(dir, 'selectors.yaml');
    writeFileSync(
      file,
      withRules('            - {source_labels: [__name__], regex: ".*", action: keep}', '    metric_declarations:\n      - dimensions: [[a]]\n        metric_name_selectors: ["a{1001}"]'),
    );
    const result = await runCli(['metrics', '--config', file]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/selectors\.yaml:13:\d+: exporters\.awsemf\.metric_declarations\[0\]: invalid metric_name_selectors regex "a\{1001\}": error parsing regexp: invalid repeat count: `\{1001\}` \(the collector panics at start-up\)/);
  });

  it('a label_matchers regex drops the declaration (new collectors) with Go\'s message', async () => {
    const file = join(dir, 'matchers.yaml');
    writeFileSync(
      file,
      withRules(
        '            - {source_labels: [__name__], regex: ".*", action: keep}',
        '    metric_declarations:\n      - dimensions: [[a]]\n        metric_name_selectors: [".*"]\n        label_matchers: [{label_names: [a], regex: "(x)\\\\1"}]',
      ),
    );
    const result = await runCli(['metrics', '--config', file]);
    expect(result.stderr).toMatch(/matchers\.yaml:13:\d+: exporters\.awsemf\.metric_declarations\[0\]: invalid label_matchers regex "\(x\)\\\\1": error parsing regexp: invalid escape sequence: `\\1`; declaration dropped/);
  });

  it('a rules file selector', async () => {
    const file = join(dir, 'rules.yaml');
    writeFileSync(file, 'version: 1\ncustom:\n    - id: mine\n      severity: warning\n      description: d\n      select: {metricName: "(?=x)"}\n      maxMetrics: 1\n');
    const result = await runCli(['cost-report', '--rules', file]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('not a valid RE2 regular expression: error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
  });
});

describe('relabelling as Prometheus 2.42', () => {
  const rule = (fields: Partial<RelabelRule>): RelabelRule => ({
    action: 'replace', sourceLabels: [], separator: ';', regex: '(.*)', targetLabel: '', replacement: '$1',
    location: { file: 'x', line: 1, column: 1, path: '' }, ...fields,
  });
  const run = (labels: Record<string, string>, rules: RelabelRule[]) => {
    const { compiled, invalid } = compileRelabelRules(rules);
    expect(invalid).toEqual([]);
    const result = applyRelabel(new Map(Object.entries(labels)), compiled);
    return result && Object.fromEntries([...result].sort());
  };

  it('$1_suffix names the group "1_suffix": empty, so the label is dropped', () => {
    expect(run({ __name__: 'm', a: 'x' }, [rule({ sourceLabels: ['a'], targetLabel: 'a', replacement: '$1_suffix' })])).toEqual({ __name__: 'm' });
    expect(run({ __name__: 'm', a: 'x' }, [rule({ sourceLabels: ['a'], targetLabel: 'a', replacement: '${1}_suffix' })])).toEqual({ __name__: 'm', a: 'x_suffix' });
  });

  it('labelmap sees the labels earlier rules set', () => {
    const rules = [
      rule({ sourceLabels: ['a'], targetLabel: 'tmp_b', replacement: 'from-a' }),
      rule({ action: 'labelmap', regex: 'tmp_(.*)', replacement: '$1' }),
    ];
    expect(run({ __name__: 'm', a: 'x' }, rules)).toEqual({ __name__: 'm', a: 'x', b: 'from-a', tmp_b: 'from-a' });
  });

  it('$$ is a literal $, a malformed $ stays as written, ${name} reads named groups', () => {
    expect(run({ __name__: 'm', a: 'x' }, [rule({ sourceLabels: ['a'], targetLabel: 'p', replacement: '$$1 costs $-' })])).toMatchObject({ p: '$1 costs $-' });
    const match = compile('(?P<first>a)(b)?', true).match('a')!;
    expect(expandTemplate('${first}|$2|$first|$01|$3', match)).toBe('a||a||');
  });

  it('an invalid target label or an empty value leaves no label', () => {
    expect(run({ __name__: 'm', a: 'x' }, [rule({ sourceLabels: ['a'], targetLabel: '${1}-bad', replacement: 'v' })])).toEqual({ __name__: 'm', a: 'x' });
    expect(run({ __name__: 'm', a: 'x' }, [rule({ sourceLabels: ['nope'], targetLabel: 'a', replacement: '$1' })])).toEqual({ __name__: 'm' });
  });

  it('end to end: the predicted dimensions follow these rules', async () => {
    const file = join(dir, 'rules-e2e.yaml');
    writeFileSync(
      file,
      withRules(
        [
          '            - {source_labels: [code], target_label: code, replacement: "$1_suffix"}',
          // The collector's own `$$` escape comes first: `$$$$` reaches Prometheus as `$$`, a literal `$`.
          '            - {source_labels: [method], target_label: tmp_verb, replacement: "$$$$${1}"}',
          '            - {action: labelmap, regex: "tmp_(.*)", replacement: "$1"}',
          '            - {action: labeldrop, regex: "tmp_.*"}',
        ].join('\n'),
      ),
    );
    const scrapeFile = join(dir, 'scrape.prom');
    writeFileSync(scrapeFile, '# TYPE req counter\nreq_total{code="200",method="GET"} 1\n');
    const result = await runCli(['metrics', '--config', file, '--scrape', scrapeFile, '--format', 'json']);
    expect(result.stderr).toBe('');
    const metric = JSON.parse(result.stdout).metrics.find((entry: { metricName: string }) => entry.metricName === 'req_total');
    expect(metric.dimensions).toEqual({ OTelLib: expect.any(String), method: 'GET', verb: '$GET' });
  });
});
