/** metric_relabel_configs as Prometheus 2.42's scrape loop applies them, one action at a time. */
import { describe, expect, it } from 'vitest';
import { applyRelabel, compileRelabelRules } from '../../../src/analysis/awsemf/relabel.js';
import type { RelabelRule } from '../../../src/sources/collector-config/model.js';

const LOCATION = { file: 'otel.yaml', line: 1, column: 1, path: 'receivers.prometheus' };

function rule(fields: Partial<RelabelRule> & Pick<RelabelRule, 'action'>): RelabelRule {
  return { sourceLabels: [], separator: ';', regex: '(.*)', targetLabel: '', replacement: '$1', location: LOCATION, ...fields };
}

function relabel(labels: Record<string, string>, ...rules: RelabelRule[]): Record<string, string> | undefined {
  const { compiled, invalid } = compileRelabelRules(rules);
  expect(invalid).toEqual([]);
  const result = applyRelabel(new Map(Object.entries(labels)), compiled);
  return result === undefined ? undefined : Object.fromEntries(result);
}

const series = { __name__: 'http_requests_total', code: '200', method: 'GET', pod: 'api-7d4f' };

describe('relabel rules', () => {
  it('keep and drop test the joined source labels against the anchored regex', () => {
    expect(relabel(series, rule({ action: 'keep', sourceLabels: ['__name__'], regex: 'http_.*' }))).toEqual(series);
    expect(relabel(series, rule({ action: 'keep', sourceLabels: ['__name__'], regex: 'requests' }))).toBeUndefined();
    expect(relabel(series, rule({ action: 'drop', sourceLabels: ['code', 'method'], regex: '200;GET' }))).toBeUndefined();
    expect(relabel(series, rule({ action: 'drop', sourceLabels: ['code'], regex: '20' }))).toEqual(series);
  });

  it('replace expands groups with Go template rules; an empty result removes the label', () => {
    expect(relabel(series, rule({ action: 'replace', sourceLabels: ['pod'], regex: '(\\w+)-.*', targetLabel: 'app', replacement: '$1' }))).toEqual({ ...series, app: 'api' });
    // `$1_suffix` names the group "1_suffix", which does not exist: the value is empty and the label is not set.
    expect(relabel(series, rule({ action: 'replace', sourceLabels: ['pod'], regex: '(\\w+)-.*', targetLabel: 'app', replacement: '$1_suffix' }))).toEqual(series);
    expect(relabel(series, rule({ action: 'replace', sourceLabels: ['pod'], regex: '(\\w+)-.*', targetLabel: 'app', replacement: '${1}_suffix' }))).toEqual({ ...series, app: 'api_suffix' });
    expect(relabel(series, rule({ action: 'replace', sourceLabels: ['code'], targetLabel: 'price', replacement: '$$1' }))).toEqual({ ...series, price: '$1' });
    expect(relabel(series, rule({ action: 'replace', sourceLabels: ['code'], regex: '5..', targetLabel: 'error', replacement: 'yes' }))).toEqual(series);
  });

  it('labelmap copies matching names; later rules see what it set', () => {
    const mapped = relabel(
      { __name__: 'up', __meta_pod: 'api-1' },
      rule({ action: 'labelmap', regex: '__meta_(.+)', replacement: '$1' }),
      rule({ action: 'replace', sourceLabels: ['pod'], targetLabel: 'instance' }),
    );
    expect(mapped).toEqual({ __name__: 'up', __meta_pod: 'api-1', pod: 'api-1', instance: 'api-1' });
  });

  it('labeldrop and labelkeep never touch __name__', () => {
    expect(relabel(series, rule({ action: 'labeldrop', regex: 'pod|code' }))).toEqual({ __name__: 'http_requests_total', method: 'GET' });
    expect(relabel(series, rule({ action: 'labelkeep', regex: 'method' }))).toEqual({ __name__: 'http_requests_total', method: 'GET' });
  });

  it('lowercase, uppercase, keepequal and dropequal', () => {
    expect(relabel(series, rule({ action: 'uppercase', sourceLabels: ['method'], targetLabel: 'verb' }))).toEqual({ ...series, verb: 'GET' });
    expect(relabel(series, rule({ action: 'lowercase', sourceLabels: ['method'], targetLabel: 'method' }))).toEqual({ ...series, method: 'get' });
    expect(relabel({ ...series, expected: '200' }, rule({ action: 'keepequal', sourceLabels: ['code'], targetLabel: 'expected' }))).toBeDefined();
    expect(relabel(series, rule({ action: 'keepequal', sourceLabels: ['code'], targetLabel: 'expected' }))).toBeUndefined();
    expect(relabel({ ...series, expected: '200' }, rule({ action: 'dropequal', sourceLabels: ['code'], targetLabel: 'expected' }))).toBeUndefined();
  });

  it('a regex RE2 does not accept is reported with Go\'s message, not compiled', () => {
    const { compiled, invalid } = compileRelabelRules([rule({ action: 'keep', sourceLabels: ['code'], regex: '2(?=00)' })]);
    expect(compiled).toEqual([]);
    expect(invalid).toEqual([{ rule: expect.objectContaining({ regex: '2(?=00)' }), error: expect.stringContaining('error parsing regexp') }]);
  });
});
