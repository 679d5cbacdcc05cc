import { expect, test } from 'vitest';
import { renderValidationJson, validationLines } from '../../src/outputs/validation-report.js';
import type { ValidationMessage } from '../../src/model/body/messages.js';

const messages: ValidationMessage[] = [
  { dataPath: '/widgets/2', message: 'overlaps widget 1', severity: 'warning', source: { file: '/p/dashboards/a.ts', line: 12 } },
  { dataPath: '/widgets/0/properties/period', message: 'bad period', severity: 'error', source: { file: '/p/src/helpers.ts', line: 40 } },
  { dataPath: '', message: 'bad name', severity: 'error' },
];
const dashboard = { file: 'dashboards/a.ts', path: '/p/dashboards/a.ts', name: 'a', messages };

test('errors first; the line when the widget was made in the file, the other place when not', () => {
  expect(validationLines(dashboard, dashboard.path, (path) => path.replace('/p/', ''))).toEqual([
    { severity: 'error', text: 'dashboards/a.ts (a): /widgets/0/properties/period: bad period (widget created at src/helpers.ts:40)' },
    { severity: 'error', text: 'dashboards/a.ts (a): (body): bad name' },
    { severity: 'warning', text: 'dashboards/a.ts:12 (a): /widgets/2: overlaps widget 1' },
  ]);
});

test('the JSON report is versioned, counts, and carries lines in the file only', () => {
  expect(JSON.parse(renderValidationJson([dashboard]))).toEqual({
    schemaVersion: 1,
    errors: 2,
    warnings: 1,
    dashboards: [
      {
        file: 'dashboards/a.ts',
        name: 'a',
        valid: false,
        messages: [
          { dataPath: '/widgets/2', message: 'overlaps widget 1', severity: 'warning', line: 12 },
          { dataPath: '/widgets/0/properties/period', message: 'bad period', severity: 'error' },
          { dataPath: '', message: 'bad name', severity: 'error' },
        ],
      },
    ],
  });
});
