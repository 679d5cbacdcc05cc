import { expect, test } from 'vitest';
import { renderDashboardBody, renderDashboardBodyCompact } from '../../../src/model/body/serialize.js';
import type { DashboardBody } from '../../../src/model/body/schema.js';
import { loadBodyVectors } from './vectors.js';

const body = {
  widgets: [
    {
      properties: { metrics: [['AWS/EC2', 'CPUUtilization', { visible: false, id: 'a' }], [{ label: 'x', expression: 'a * 2' }]], region: 'eu-west-1', view: 'timeSeries' },
      height: 6, width: 6, y: 0, x: 0, type: 'metric',
    },
  ],
  start: '-PT3H',
  zzz: 1,
} as unknown as DashboardBody;

test('keys in one fixed order whatever the input order; unknown keys after, sorted; rows on one line', () => {
  expect(renderDashboardBody(body)).toBe(`{
  "start": "-PT3H",
  "widgets": [
    {
      "type": "metric",
      "x": 0,
      "y": 0,
      "width": 6,
      "height": 6,
      "properties": {
        "view": "timeSeries",
        "region": "eu-west-1",
        "metrics": [
          ["AWS/EC2","CPUUtilization",{"id":"a","visible":false}],
          [{"expression":"a * 2","label":"x"}]
        ]
      }
    }
  ],
  "zzz": 1
}
`);
});

test('the compact form is the same JSON on one line (what PutDashboard receives)', () => {
  const compact = renderDashboardBodyCompact(body);
  expect(compact).not.toContain('\n');
  expect(JSON.parse(compact)).toEqual(JSON.parse(renderDashboardBody(body)));
});

test('every vector renders to JSON equal to itself, deterministically', () => {
  for (const vector of loadBodyVectors()) {
    const text = renderDashboardBody(vector.body);
    expect(JSON.parse(text)).toEqual(vector.body);
    expect(renderDashboardBody(JSON.parse(text) as DashboardBody)).toBe(text);
  }
});

test('long flat lists break one item per line; metric rows stay on one line however long', () => {
  const arns = Array.from({ length: 3 }, (_, index) => `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:a-rather-long-alarm-name-${index}`);
  const dims = Array.from({ length: 12 }, (_, index) => [`Dimension${index}`, `value-${index}`]).flat();
  const text = renderDashboardBody({
    widgets: [
      { type: 'alarm', properties: { alarms: arns } },
      { type: 'metric', properties: { region: 'eu-west-1', metrics: [['App', 'Requests', ...dims]] } },
    ],
  } as unknown as DashboardBody);
  expect(text).toContain(`"alarms": [\n          "${arns[0]}",\n          "${arns[1]}",\n`);
  expect(text).toContain(`          ${JSON.stringify(['App', 'Requests', ...dims])}\n`);
});

test('object shapes are told apart by their keys whatever the keys hold, and many shapes render as few do', () => {
  // Keys that a shape key made by joining them would confuse: each object keeps its own keys and order.
  const tricky = [{ 'a,b': 1 }, { a: 1, b: 2 }, { 'a","b': 3 }, { b: 2, a: 1 }, { a: 1 }];
  const many = Array.from({ length: 30_000 }, (_, index) => ({ [`key-${index}`]: index, value: index }));
  for (const values of [tricky, many]) {
    const text = renderDashboardBody({ widgets: [], variables: values } as unknown as DashboardBody);
    expect(JSON.parse(text).variables).toEqual(values);
  }
});
