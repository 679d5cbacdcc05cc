import { expect, test } from 'vitest';
import { checkStatistic } from '../../../src/model/body/statistic.js';
import { isValidPeriod } from '../../../src/model/body/period.js';

test.each([
  ['Average', 'Average'],
  ['avg', 'Average'],
  ['n', 'SampleCount'],
  ['iqm', 'IQM'],
  ['p99', 'p99'],
  ['P99.9', 'p99.9'],
  ['tm90', 'tm90'],
  ['TM(10%:90%)', 'TM(10%:90%)'],
  ['tm(:90%)', 'TM(:90%)'],
  ['TM(10%:)', 'TM(10%:)'],
  ['TM(10:1500)', 'TM(10:1500)'],
  ['PR(10:300)', 'PR(10:300)'],
  ['WM(5%:95%)', 'WM(5%:95%)'],
])('%s is a statistic, written %s', (stat, canonical) => {
  expect(checkStatistic(stat)).toEqual({ ok: true, canonical });
});

test.each([
  ['median', 'is not a CloudWatch statistic'],
  ['p101', 'must be between 0 and 100'],
  ['TM(10%:900)', 'both be percentages or both be absolute'],
  ['PR(10%:90%)', 'takes absolute values'],
  ['TM(:)', 'needs at least one bound'],
  ['TM(90%:10%)', 'lower bound'],
  ['TM(10%:150%)', 'above 100%'],
])('%s is rejected: %s', (stat, reason) => {
  const check = checkStatistic(stat);
  expect(check.ok).toBe(false);
  expect(check.ok ? '' : check.reason).toContain(reason);
});

test('periods: 1, 5, 10, 30 or multiples of 60', () => {
  expect([1, 5, 10, 30, 60, 300, 3600, 172800].every(isValidPeriod)).toBe(true);
  expect([0, 2, 20, 45, 90, 61, -60, 1.5].some(isValidPeriod)).toBe(false);
});

test('aliases are accepted but written canonically: the model normalises, the validator warns', async () => {
  const { canonicalStatistic, statisticProblem } = await import('../../../src/model/body/statistic.js');
  expect(canonicalStatistic('avg')).toBe('Average');
  expect(canonicalStatistic('bogus')).toBe('bogus');
  expect(statisticProblem('avg')).toEqual({ severity: 'warning', message: 'write the statistic "avg" as "Average", the spelling CloudWatch documents' });
  expect(statisticProblem('p99')).toBeUndefined();
  expect(statisticProblem('median')?.severity).toBe('error');
  const { Metric, GraphWidget } = await import('../../../src/model/dashboard/index.js');
  const widget = new GraphWidget({ region: 'eu-west-1', statistic: 'max', metrics: [new Metric({ namespace: 'A', metricName: 'B', statistic: 'P99' })] });
  expect(widget.renderAt(undefined, { region: undefined })[0]!.properties).toMatchObject({ stat: 'Maximum', metrics: [['A', 'B', { stat: 'p99' }]] });
});
